package io.billingnow.platform.protection.tls;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import io.dropwizard.validation.ValidationMethod;
import jakarta.validation.constraints.NotNull;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The {@code certificate:} block of a {@code billingnow-https} connector.
 *
 * <pre>
 * certificate:
 *   source: pem                      # pem | pkcs12 | self-signed
 *   certificateChainPath: /etc/billingnow/tls/fullchain.pem
 *   privateKeyPath: /etc/billingnow/tls/privkey.pem
 *   reloadCheckInterval: 30 seconds  # 0 disables reloading
 * </pre>
 */
public class CertificateConfiguration {

    @NotNull
    private CertificateSource source;

    private Path certificateChainPath;
    private Path privateKeyPath;
    private String privateKeyPassword;

    private Path keyStorePath;
    private String keyStorePassword;

    @NotNull
    private Path selfSignedDirectory = Path.of("data", "tls");

    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.HOURS)
    private Duration selfSignedValidity = Duration.days(30);

    @NotNull
    private Duration reloadCheckInterval = Duration.seconds(30);

    @JsonProperty
    public CertificateSource getSource() {
        return source;
    }

    @JsonProperty
    public void setSource(CertificateSource source) {
        this.source = source;
    }

    @JsonProperty
    public Path getCertificateChainPath() {
        return certificateChainPath;
    }

    @JsonProperty
    public void setCertificateChainPath(Path certificateChainPath) {
        this.certificateChainPath = certificateChainPath;
    }

    @JsonProperty
    public Path getPrivateKeyPath() {
        return privateKeyPath;
    }

    @JsonProperty
    public void setPrivateKeyPath(Path privateKeyPath) {
        this.privateKeyPath = privateKeyPath;
    }

    @JsonProperty
    public String getPrivateKeyPassword() {
        return privateKeyPassword;
    }

    @JsonProperty
    public void setPrivateKeyPassword(String privateKeyPassword) {
        this.privateKeyPassword = privateKeyPassword;
    }

    @JsonProperty
    public Path getKeyStorePath() {
        return keyStorePath;
    }

    @JsonProperty
    public void setKeyStorePath(Path keyStorePath) {
        this.keyStorePath = keyStorePath;
    }

    @JsonProperty
    public String getKeyStorePassword() {
        return keyStorePassword;
    }

    @JsonProperty
    public void setKeyStorePassword(String keyStorePassword) {
        this.keyStorePassword = keyStorePassword;
    }

    @JsonProperty
    public Path getSelfSignedDirectory() {
        return selfSignedDirectory;
    }

    @JsonProperty
    public void setSelfSignedDirectory(Path selfSignedDirectory) {
        this.selfSignedDirectory = selfSignedDirectory;
    }

    @JsonProperty
    public Duration getSelfSignedValidity() {
        return selfSignedValidity;
    }

    @JsonProperty
    public void setSelfSignedValidity(Duration selfSignedValidity) {
        this.selfSignedValidity = selfSignedValidity;
    }

    @JsonProperty
    public Duration getReloadCheckInterval() {
        return reloadCheckInterval;
    }

    @JsonProperty
    public void setReloadCheckInterval(Duration reloadCheckInterval) {
        this.reloadCheckInterval = reloadCheckInterval;
    }

    @JsonIgnore
    @ValidationMethod(message = "source pem needs certificateChainPath and privateKeyPath")
    public boolean isPemComplete() {
        return source != CertificateSource.PEM || (certificateChainPath != null && privateKeyPath != null);
    }

    @JsonIgnore
    @ValidationMethod(message = "source pkcs12 needs keyStorePath and keyStorePassword")
    public boolean isPkcs12Complete() {
        return source != CertificateSource.PKCS12 || (keyStorePath != null && keyStorePassword != null);
    }

    /** The files whose content decides which certificate is served; watched for changes. */
    @JsonIgnore
    public List<Path> watchedFiles() {
        return switch (source) {
            case PEM -> List.of(certificateChainPath, privateKeyPath);
            case PKCS12 -> List.of(keyStorePath);
            case SELF_SIGNED -> List.of(SelfSignedCertificates.certificatePath(selfSignedDirectory),
                    SelfSignedCertificates.privateKeyPath(selfSignedDirectory));
        };
    }
}
