package io.billingnow.platform.protection.tls;

import io.billingnow.platform.protection.SecurityTestApplication;
import io.dropwizard.configuration.ConfigurationValidationException;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import io.dropwizard.util.Duration;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The YAML forms documented in docs/security.md map onto the connector factories, with safe defaults. */
class ConnectorConfigurationTest {

    private static final String DEV = """
            server:
              type: default
              applicationConnectors:
                - type: billingnow-https
                  certificate:
                    source: self-signed
                - type: https-redirect
                  httpsPort: 8443
              adminConnectors:
                - type: http
                  bindHost: 127.0.0.1
                  port: 8081
            """;

    @Test
    void developmentYamlUsesSafeDefaults() throws Exception {
        DefaultServerFactory server = (DefaultServerFactory) parse(DEV).getServerFactory();

        HardenedHttpsConnectorFactory https = (HardenedHttpsConnectorFactory) server.getApplicationConnectors().get(0);
        assertThat(https.getPort()).isEqualTo(8443);
        assertThat(https.getCertificate().getSource()).isEqualTo(CertificateSource.SELF_SIGNED);
        assertThat(https.getCertificate().getSelfSignedDirectory()).isEqualTo(Path.of("data", "tls"));
        assertThat(https.getCertificate().getReloadCheckInterval()).isEqualTo(Duration.seconds(30));
        assertThat(https.getTrustedProxies()).isEmpty();
        assertThat(https.getHstsMaxAge()).isEqualTo(Duration.days(365));
        assertThat(https.getIdleTimeout()).isEqualTo(Duration.seconds(30));
        assertThat(https.isUseForwardedHeaders()).isFalse();
        assertThat(https.isUseServerHeader()).isFalse();
        assertThat(https.getAllowRenegotiation()).isFalse();

        HttpsRedirectConnectorFactory redirect = (HttpsRedirectConnectorFactory) server.getApplicationConnectors()
                .get(1);
        assertThat(redirect.getPort()).isEqualTo(8080);
        assertThat(redirect.getHttpsPort()).isEqualTo(8443);
        assertThat(redirect.getRedirectHost()).isNull();
    }

    @Test
    void productionYamlMapsEveryProperty() throws Exception {
        DefaultServerFactory server = (DefaultServerFactory) parse("""
                server:
                  applicationConnectors:
                    - type: billingnow-https
                      port: 443
                      certificate:
                        source: pem
                        certificateChainPath: /etc/billingnow/tls/fullchain.pem
                        privateKeyPath: /etc/billingnow/tls/privkey.pem
                        privateKeyPassword: pw
                        reloadCheckInterval: 1 minute
                      trustedProxies: [10.0.0.0/8]
                      hstsMaxAge: 730 days
                      hstsIncludeSubDomains: true
                      supportedProtocols: [TLSv1.3]
                    - type: https-redirect
                      port: 80
                      httpsPort: 443
                      redirectHost: billing.example.com
                """).getServerFactory();

        HardenedHttpsConnectorFactory https = (HardenedHttpsConnectorFactory) server.getApplicationConnectors().get(0);
        assertThat(https.getCertificate().getCertificateChainPath()).isEqualTo(Path.of("/etc/billingnow/tls/fullchain.pem"));
        assertThat(https.getCertificate().getPrivateKeyPath()).isEqualTo(Path.of("/etc/billingnow/tls/privkey.pem"));
        assertThat(https.getCertificate().getPrivateKeyPassword()).isEqualTo("pw");
        assertThat(https.getCertificate().getReloadCheckInterval()).isEqualTo(Duration.minutes(1));
        assertThat(https.getTrustedProxies()).containsExactly("10.0.0.0/8");
        assertThat(https.getHstsMaxAge()).isEqualTo(Duration.days(730));
        assertThat(https.isHstsIncludeSubDomains()).isTrue();
        assertThat(https.getSupportedProtocols()).containsExactly("TLSv1.3");
        assertThat(((HttpsRedirectConnectorFactory) server.getApplicationConnectors().get(1)).getRedirectHost())
                .isEqualTo("billing.example.com");
    }

    @Test
    void configurationCannotWidenTheTlsPolicy() {
        assertInvalid(connector("supportedProtocols: [TLSv1.2, TLSv1.1]"), "supportedProtocols");
        assertInvalid(connector("supportedCipherSuites: [TLS_RSA_WITH_AES_128_CBC_SHA]"), "supportedCipherSuites");
        assertInvalid(connector("supportedCipherSuites: [TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256]"),
                "supportedCipherSuites");
    }

    @Test
    void incompleteOrForeignSettingsAreRejected() {
        assertInvalid(connector("trustedProxies: [proxy.internal]"), "trustedProxies");
        assertInvalid(connector("keyStorePath: /etc/keystore.jks"), "configure certificate.source");
        assertInvalid("""
                server:
                  applicationConnectors:
                    - type: billingnow-https
                      certificate:
                        source: pem
                        certificateChainPath: /etc/fullchain.pem
                """, "source pem needs");
        assertInvalid("""
                server:
                  applicationConnectors:
                    - type: billingnow-https
                """, "certificate");
    }

    private static String connector(String extraLine) {
        return """
                server:
                  applicationConnectors:
                    - type: billingnow-https
                      certificate:
                        source: self-signed
                      %s
                """.formatted(extraLine);
    }

    private static void assertInvalid(String yaml, String messagePart) {
        assertThatThrownBy(() -> parse(yaml)).isInstanceOf(ConfigurationValidationException.class)
                .hasMessageContaining(messagePart);
    }

    private static SecurityTestApplication.Config parse(String yaml) throws Exception {
        return new YamlConfigurationFactory<>(SecurityTestApplication.Config.class, Validators.newValidator(),
                Jackson.newObjectMapper(), "dw")
                .build(path -> new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yml");
    }
}
