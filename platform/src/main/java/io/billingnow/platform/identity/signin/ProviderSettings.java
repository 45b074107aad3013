package io.billingnow.platform.identity.signin;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * One identity provider. {@code type} is {@code google}, {@code apple} or {@code oidc} (any OpenID provider, which
 * needs a {@code discoveryUri}). Apple takes no client secret: it is made from the team's .p8 key for each use.
 */
public class ProviderSettings {

    @NotNull
    @Pattern(regexp = "google|apple|oidc")
    @JsonProperty
    private String type = "oidc";

    @NotBlank
    @JsonProperty
    private String clientId;

    @JsonProperty
    private String clientSecret;

    /** The provider's {@code /.well-known/openid-configuration}; google and apple default to the real ones. */
    @JsonProperty
    private String discoveryUri;

    @JsonProperty
    private String scope = "openid email profile";

    /** Apple: the team id (issuer of the client-secret JWT). */
    @JsonProperty
    private String teamId;

    /** Apple: the id of the .p8 key. */
    @JsonProperty
    private String keyId;

    /** Apple: the .p8 key itself (PKCS#8 PEM), or {@link #privateKeyFile}. */
    @JsonProperty
    private String privateKey;

    @JsonProperty
    private String privateKeyFile;

    public String getType() {
        return type;
    }

    public String getClientId() {
        return clientId;
    }

    public String getClientSecret() {
        return clientSecret;
    }

    public String getDiscoveryUri() {
        return discoveryUri;
    }

    public String getScope() {
        return scope;
    }

    public String getTeamId() {
        return teamId;
    }

    public String getKeyId() {
        return keyId;
    }

    public String getPrivateKey() {
        return privateKey;
    }

    public String getPrivateKeyFile() {
        return privateKeyFile;
    }
}
