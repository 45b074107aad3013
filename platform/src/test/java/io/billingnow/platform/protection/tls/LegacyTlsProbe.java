package io.billingnow.platform.protection.tls;

import io.billingnow.platform.protection.SecurityTestApplication;
import io.billingnow.platform.protection.TestTls;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;

import javax.net.ssl.SSLContext;
import java.nio.file.Path;
import java.security.cert.X509Certificate;

/**
 * Run in a separate JVM by {@link LegacyProtocolRefusalTest}, with {@code jdk.tls.disabledAlgorithms} relaxed so
 * that both this JVM's server and client would allow TLS 1.0/1.1. Prints one {@code PROBE} line per attempt.
 */
public final class LegacyTlsProbe {

    private LegacyTlsProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args[0]);
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
            X509Certificate certificate = ServerKeyStores.readCertificates(
                    SelfSignedCertificates.certificatePath(directory)).get(0);
            SSLContext context = TestTls.trusting(certificate);
            System.out.println("PROBE client-enabled " + String.join(",",
                    context.getDefaultSSLParameters().getProtocols()));
            for (String protocol : new String[] {"TLSv1.2", "TLSv1.1", "TLSv1"}) {
                try {
                    String negotiated = TestTls.handshake(context, app.getPort(0), new String[] {protocol}, null)
                            .getProtocol();
                    System.out.println("PROBE " + protocol + " accepted " + negotiated);
                } catch (Exception e) {
                    System.out.println("PROBE " + protocol + " refused " + e.getMessage());
                }
            }
        } finally {
            app.after();
        }
        System.exit(0);
    }
}
