package io.billingnow.platform.identity.signin;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.pac4j.oidc.config.AppleOidcConfiguration;
import org.pac4j.oidc.exceptions.OidcException;
import org.pac4j.oidc.metadata.OidcOpMetadataResolver;

/**
 * Sign in with Apple. Two departures from pac4j's {@link AppleOidcConfiguration}: the provider's metadata comes from
 * the configured discovery document (Apple publishes one; tests point it at a local provider), and the client
 * secret, an ES256 JWT signed with the team's .p8 key, is made fresh for each token request once the previous one is
 * half-way through its life, instead of being fixed when the metadata is first loaded.
 */
final class AppleConfiguration extends AppleOidcConfiguration {

    /** Audience Apple requires in the client secret, whatever the discovery document. */
    static final String APPLE_AUDIENCE = "https://appleid.apple.com";
    private static final Duration SECRET_LIFETIME = Duration.ofHours(1);

    private final Clock clock;
    private String secret;
    private Instant secretIssuedAt;

    AppleConfiguration(Clock clock) {
        this.clock = clock;
        setTimeout(SECRET_LIFETIME);
    }

    static ECPrivateKey parseP8(String pem) {
        String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        try {
            return (ECPrivateKey) KeyFactory.getInstance("EC")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (Exception e) {
            throw new IllegalArgumentException("the Apple private key is not a PKCS#8 EC key (.p8)", e);
        }
    }

    @Override
    protected OidcOpMetadataResolver createNewOpMetadataResolver() {
        return new OidcOpMetadataResolver(this) {
            @Override
            public ClientAuthentication getClientAuthentication() {
                return new ClientSecretPost(new ClientID(getClientId()), new Secret(getSecret()));
            }
        };
    }

    @Override
    public synchronized String getSecret() {
        Instant now = clock.instant();
        if (secret == null || !now.isBefore(secretIssuedAt.plus(SECRET_LIFETIME.dividedBy(2)))) {
            secret = sign(now);
            secretIssuedAt = now;
        }
        return secret;
    }

    private String sign(Instant now) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(getTeamID())
                .audience(APPLE_AUDIENCE)
                .subject(getClientId())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(SECRET_LIFETIME)))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(getPrivateKeyID()).build(),
                claims);
        try {
            jwt.sign(new ECDSASigner(getPrivateKey()));
        } catch (JOSEException e) {
            throw new OidcException(e);
        }
        return jwt.serialize();
    }
}
