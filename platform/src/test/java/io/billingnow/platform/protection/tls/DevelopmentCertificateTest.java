package io.billingnow.platform.protection.tls;

import io.billingnow.platform.protection.SecurityTestApplication;
import io.billingnow.platform.protection.TestTls;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DevelopmentCertificateTest {

    @TempDir
    Path directory;

    @Test
    void generatesAShortLivedP256CertificateForLocalhost() throws Exception {
        X509Certificate certificate = SelfSignedCertificates.ensure(directory, Duration.ofDays(30));

        assertThat(certificate.getPublicKey()).isInstanceOf(ECPublicKey.class);
        assertThat(((ECPublicKey) certificate.getPublicKey()).getParams().getOrder().bitLength()).isEqualTo(256);
        assertThat(certificate.getSubjectAlternativeNames()).containsExactlyInAnyOrder(
                List.of(2, "localhost"), List.of(7, "127.0.0.1"), List.of(7, "0:0:0:0:0:0:0:1"));
        assertThat(certificate.getNotAfter().toInstant()).isBefore(Instant.now().plus(Duration.ofDays(31)));
        assertThat(certificate.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
        assertThat(Files.getPosixFilePermissions(SelfSignedCertificates.privateKeyPath(directory)))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void reusesTheCertificateWhileItIsFarFromExpiry() throws Exception {
        X509Certificate first = SelfSignedCertificates.ensure(directory, Duration.ofDays(30));
        X509Certificate second = SelfSignedCertificates.ensure(directory, Duration.ofDays(30));

        assertThat(second.getSerialNumber()).isEqualTo(first.getSerialNumber());
    }

    @Test
    void replacesACertificateCloseToExpiry() throws Exception {
        X509Certificate shortLived = SelfSignedCertificates.ensure(directory, Duration.ofHours(1));
        X509Certificate renewed = SelfSignedCertificates.ensure(directory, Duration.ofDays(30));

        assertThat(renewed.getSerialNumber()).isNotEqualTo(shortLived.getSerialNumber());
    }

    @Test
    void devServerServesTheGeneratedCertificateAndKeepsItAcrossRestarts() throws Exception {
        X509Certificate servedFirst = startHandshakeStop();
        X509Certificate onDisk = ServerKeyStores.readCertificates(SelfSignedCertificates.certificatePath(directory))
                .get(0);
        X509Certificate servedAfterRestart = startHandshakeStop();

        assertThat(servedFirst.getSerialNumber()).isEqualTo(onDisk.getSerialNumber());
        assertThat(servedAfterRestart.getSerialNumber()).isEqualTo(onDisk.getSerialNumber());
    }

    private X509Certificate startHandshakeStop() throws Exception {
        io.billingnow.platform.testing.StrayOverrides.clear();
        DropwizardTestSupport<SecurityTestApplication.Config> app = new DropwizardTestSupport<>(
                SecurityTestApplication.class, ResourceHelpers.resourceFilePath("security-test.yml"),
                ConfigOverride.config("server.applicationConnectors[0].certificate.source", "self-signed"),
                ConfigOverride.config("server.applicationConnectors[0].certificate.selfSignedDirectory",
                        directory.toString()),
                ConfigOverride.config("server.applicationConnectors[1].certificate.source", "self-signed"),
                ConfigOverride.config("server.applicationConnectors[1].certificate.selfSignedDirectory",
                        directory.toString()));
        app.before();
        try {
            X509Certificate onDisk = ServerKeyStores.readCertificates(
                    SelfSignedCertificates.certificatePath(directory)).get(0);
            return (X509Certificate) TestTls.handshake(TestTls.trusting(onDisk), app.getPort(0),
                    new String[] {"TLSv1.3", "TLSv1.2"}, null).getPeerCertificates()[0];
        } finally {
            app.after();
        }
    }
}
