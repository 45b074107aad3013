package io.billingnow.platform.protection.tls;

import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.dropwizard.jetty.HttpsConnectorFactory;
import io.dropwizard.util.DataSize;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.ValidationMethod;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.ThreadPool;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The HTTPS listener of BillingNow ({@code type: billingnow-https}). On top of Dropwizard's
 * {@link HttpsConnectorFactory} it
 * <ul>
 *     <li>enforces {@link TlsPolicy}: TLS 1.3/1.2, AEAD + forward-secrecy suites, no renegotiation; YAML may narrow
 *     {@code supportedProtocols}/{@code supportedCipherSuites} but never widen them;</li>
 *     <li>loads its certificate from PEM, PKCS#12 or a generated development certificate
 *     ({@link CertificateConfiguration}) and reloads it when the files change;</li>
 *     <li>sends {@code Strict-Transport-Security} on every response;</li>
 *     <li>never sends a {@code Server} or {@code X-Powered-By} header;</li>
 *     <li>honours forwarded headers only from {@code trustedProxies}.</li>
 * </ul>
 * Registered for Jackson in {@code META-INF/services/io.dropwizard.jetty.ConnectorFactory}.
 */
@JsonTypeName("billingnow-https")
public class HardenedHttpsConnectorFactory extends HttpsConnectorFactory {

    @Valid
    @NotNull
    private CertificateConfiguration certificate;

    @NotNull
    private List<String> trustedProxies = List.of();

    @NotNull
    private Duration hstsMaxAge = Duration.days(365);

    private boolean hstsIncludeSubDomains = false;

    private SslContextFactory.Server sslContextFactory;

    public HardenedHttpsConnectorFactory() {
        setPort(8443);
        setAllowRenegotiation(false);
        setExcludedProtocols(TlsPolicy.EXCLUDED_PROTOCOLS);
        // Limits against oversized and slow clients; see docs/security.md "Limits".
        setMaxRequestHeaderSize(DataSize.kibibytes(8));
        setMaxResponseHeaderSize(DataSize.kibibytes(8));
        setIdleTimeout(Duration.seconds(30));
        setMinRequestDataPerSecond(DataSize.kibibytes(1));
        setUseForwardedHeaders(false);
    }

    @JsonProperty
    public CertificateConfiguration getCertificate() {
        return certificate;
    }

    @JsonProperty
    public void setCertificate(CertificateConfiguration certificate) {
        this.certificate = certificate;
    }

    @JsonProperty
    public List<String> getTrustedProxies() {
        return trustedProxies;
    }

    @JsonProperty
    public void setTrustedProxies(List<String> trustedProxies) {
        this.trustedProxies = trustedProxies;
    }

    @JsonProperty
    public Duration getHstsMaxAge() {
        return hstsMaxAge;
    }

    @JsonProperty
    public void setHstsMaxAge(Duration hstsMaxAge) {
        this.hstsMaxAge = hstsMaxAge;
    }

    @JsonProperty
    public boolean isHstsIncludeSubDomains() {
        return hstsIncludeSubDomains;
    }

    @JsonProperty
    public void setHstsIncludeSubDomains(boolean hstsIncludeSubDomains) {
        this.hstsIncludeSubDomains = hstsIncludeSubDomains;
    }

    /** Dropwizard's own key store fields are not used: the key store comes from {@code certificate:}. */
    @Override
    @JsonIgnore
    public boolean isValidKeyStorePath() {
        return true;
    }

    @Override
    @JsonIgnore
    public boolean isValidKeyStorePassword() {
        return true;
    }

    @JsonIgnore
    @ValidationMethod(message = "keyStorePath/keyStorePassword are not used by billingnow-https: "
            + "configure certificate.source (pem, pkcs12 or self-signed) instead")
    public boolean isKeyStoreLeftToCertificate() {
        return getKeyStorePath() == null && getKeyStorePassword() == null;
    }

    @JsonIgnore
    @ValidationMethod(message = "supportedProtocols may only narrow the policy (TLSv1.3, TLSv1.2)")
    public boolean isProtocolsWithinPolicy() {
        return getSupportedProtocols() == null
                || getSupportedProtocols().stream().allMatch(TlsPolicy::isAcceptableProtocol);
    }

    @JsonIgnore
    @ValidationMethod(message = "supportedCipherSuites may only list AEAD suites with forward secrecy")
    public boolean isCipherSuitesWithinPolicy() {
        return getSupportedCipherSuites() == null
                || getSupportedCipherSuites().stream().allMatch(TlsPolicy::isAcceptableCipherSuite);
    }

    @JsonIgnore
    @ValidationMethod(message = "trustedProxies must be IP addresses or CIDR blocks")
    public boolean isTrustedProxiesValid() {
        try {
            TrustedProxies.parse(trustedProxies);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public Connector build(Server server, MetricRegistry metrics, String name, ThreadPool threadPool) {
        Connector connector = super.build(server, metrics, name, threadPool);
        java.time.Duration interval = certificate.getReloadCheckInterval().toJavaDuration();
        if (!interval.isZero()) {
            server.addBean(new CertificateReloader(certificate, sslContextFactory, interval), true);
        }
        return connector;
    }

    @Override
    protected HttpConfiguration buildHttpConfiguration() {
        HttpConfiguration config = ConnectorHardening.harden(super.buildHttpConfiguration(),
                TrustedProxies.parse(trustedProxies));
        for (HttpConfiguration.Customizer customizer : config.getCustomizers()) {
            if (customizer instanceof SecureRequestCustomizer secure) {
                secure.setStsMaxAge(hstsMaxAge.toSeconds(), TimeUnit.SECONDS);
                secure.setStsIncludeSubDomains(hstsIncludeSubDomains);
            }
        }
        return config;
    }

    @Override
    protected SslContextFactory.Server configureSslContextFactory(SslContextFactory sslContextFactory) {
        SslContextFactory.Server factory = super.configureSslContextFactory(sslContextFactory);
        ServerKeyStores.Loaded loaded;
        try {
            loaded = ServerKeyStores.load(certificate);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot load TLS certificate from " + certificate.watchedFiles(), e);
        }
        factory.setKeyStore(loaded.keyStore());
        factory.setKeyStorePassword(loaded.password());
        factory.setKeyManagerPassword(loaded.password());
        factory.setIncludeProtocols(effective(getSupportedProtocols(), TlsPolicy.PROTOCOLS));
        factory.setExcludeProtocols(TlsPolicy.EXCLUDED_PROTOCOLS.toArray(new String[0]));
        factory.setIncludeCipherSuites(effective(getSupportedCipherSuites(), TlsPolicy.CIPHER_SUITES));
        factory.setUseCipherSuitesOrder(true);
        factory.setRenegotiationAllowed(false);
        this.sslContextFactory = factory;
        return factory;
    }

    private static String[] effective(List<String> configured, List<String> policy) {
        return (configured == null ? policy : configured).toArray(new String[0]);
    }
}
