package io.billingnow.platform.protection.tls;

import io.billingnow.platform.protection.TestApp;
import io.billingnow.platform.protection.TestTls;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSession;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(DropwizardExtensionsSupport.class)
class HardenedHttpsConnectorTest {

    private static final TestApp APP = TestApp.create();
    @SuppressWarnings("unused")
    private static final io.dropwizard.testing.junit5.DropwizardAppExtension<?> EXTENSION = APP.extension;

    private static final int TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 = 0xC02F;
    private static final int TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA = 0xC013;
    private static final int TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256 = 0xC027;
    private static final int TLS_RSA_WITH_AES_128_CBC_SHA = 0x002F;
    private static final int TLS_RSA_WITH_AES_128_GCM_SHA256 = 0x009C;
    private static final int ALERT_HANDSHAKE_FAILURE = 40;
    private static final int ALERT_PROTOCOL_VERSION = 70;

    @Test
    void completesTls13Handshake() throws Exception {
        SSLSession session = TestTls.handshake(APP.sslContext(), APP.port(TestApp.TLS),
                new String[] {"TLSv1.3"}, null);

        assertThat(session.getProtocol()).isEqualTo("TLSv1.3");
        assertThat(session.getCipherSuite()).isIn(TlsPolicy.CIPHER_SUITES);
    }

    @Test
    void completesTls12HandshakeWithForwardSecretAeadSuite() throws Exception {
        SSLSession session = TestTls.handshake(APP.sslContext(), APP.port(TestApp.TLS),
                new String[] {"TLSv1.2"}, null);

        assertThat(session.getProtocol()).isEqualTo("TLSv1.2");
        assertThat(session.getCipherSuite()).startsWith("TLS_ECDHE_RSA_WITH_").matches(".*(GCM|CHACHA20).*");
    }

    @Test
    void refusesTls11AndTls10ClientHellos() throws Exception {
        for (int version : new int[] {RawClientHello.TLS_1_1, RawClientHello.TLS_1_0}) {
            RawClientHello.Reply reply = RawClientHello.send(APP.port(TestApp.TLS), version,
                    TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA, TLS_RSA_WITH_AES_128_CBC_SHA);

            assertThat(reply.serverHello()).as("ServerHello for version %x", version).isFalse();
            assertThat(reply.alertDescription()).isIn(ALERT_PROTOCOL_VERSION, ALERT_HANDSHAKE_FAILURE);
        }
    }

    @Test
    void answersAHandBuiltTls12HelloWithAnAcceptableSuite() throws Exception {
        // Control for the refusal tests above: the same hand-built hello succeeds when it offers a good suite.
        RawClientHello.Reply reply = RawClientHello.send(APP.port(TestApp.TLS), RawClientHello.TLS_1_2,
                TLS_RSA_WITH_AES_128_CBC_SHA, TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256);

        assertThat(reply.serverHello()).isTrue();
        assertThat(reply.chosenSuite()).isEqualTo(TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256);
    }

    @Test
    void refusesNonAeadAndNonForwardSecretSuitesOverTls12() throws Exception {
        for (int suite : new int[] {TLS_RSA_WITH_AES_128_CBC_SHA, TLS_RSA_WITH_AES_128_GCM_SHA256,
                                    TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA, TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256}) {
            RawClientHello.Reply reply = RawClientHello.send(APP.port(TestApp.TLS), RawClientHello.TLS_1_2, suite);

            assertThat(reply.serverHello()).as("ServerHello for suite %04x", suite).isFalse();
            assertThat(reply.alertDescription()).isEqualTo(ALERT_HANDSHAKE_FAILURE);
        }
    }

    @Test
    void jsseClientOfferingOnlyWeakSuitesIsRefusedByTheServer() {
        // These suites are still enabled in the client JDK (17 and 25; JDK 24 disabled the TLS_RSA_* key exchange on
        // the client, so it cannot serve here), so the alert can only come from the server.
        for (String suite : new String[] {"TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384"}) {
            assertThatThrownBy(() -> TestTls.handshake(APP.sslContext(), APP.port(TestApp.TLS),
                    new String[] {"TLSv1.2"}, new String[] {suite}))
                    .isInstanceOf(SSLHandshakeException.class)
                    .hasMessageContaining("Received fatal alert");
        }
    }

    @Test
    void everyTlsListenerSelectsOnlyPolicyProtocolsAndSuites() {
        var factories = APP.extension.getEnvironment().getApplicationContext().getServer()
                .getBeans(SslContextFactory.Server.class);

        assertThat(factories).hasSize(2);
        for (SslContextFactory.Server factory : factories) {
            assertThat(factory.getSelectedProtocols()).containsExactlyInAnyOrder("TLSv1.3", "TLSv1.2");
            assertThat(factory.getSelectedCipherSuites()).isNotEmpty()
                    .allMatch(TlsPolicy::isAcceptableCipherSuite);
            assertThat(factory.isRenegotiationAllowed()).isFalse();
        }
    }

    @Test
    void sendsHstsAndNoServerHeaderOverHttps() throws Exception {
        HttpResponse<String> response = APP.get(APP.https("/public/ping"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Strict-Transport-Security")).contains("max-age=31536000");
        assertThat(response.headers().firstValue("Server")).isEmpty();
        assertThat(response.headers().firstValue("X-Powered-By")).isEmpty();
    }

    @Test
    void reloadsTheCertificateWhenTheFilesChange() throws Exception {
        X509Certificate before = (X509Certificate) TestTls.handshake(APP.sslContext(), APP.port(TestApp.TLS),
                new String[] {"TLSv1.3"}, null).getPeerCertificates()[0];
        assertThat(before.getSerialNumber()).isEqualTo(APP.certificate.getSerialNumber());

        X509Certificate expected = APP.rotateCertificate();

        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        X509Certificate served = before;
        while (Instant.now().isBefore(deadline)
                && !served.getSerialNumber().equals(expected.getSerialNumber())) {
            Thread.sleep(100);
            served = (X509Certificate) TestTls.handshake(APP.sslContext(), APP.port(TestApp.TLS),
                    new String[] {"TLSv1.3"}, null).getPeerCertificates()[0];
        }
        assertThat(served.getSerialNumber()).isEqualTo(expected.getSerialNumber());
    }
}
