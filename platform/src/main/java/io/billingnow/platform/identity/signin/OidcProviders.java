package io.billingnow.platform.identity.signin;

import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.pac4j.core.http.callback.NoParameterCallbackUrlResolver;
import org.pac4j.oidc.client.AppleClient;
import org.pac4j.oidc.client.GoogleOidcClient;
import org.pac4j.oidc.client.OidcClient;
import org.pac4j.oidc.config.OidcConfiguration;

/**
 * The configured identity providers as pac4j clients. Every one runs the authorization code flow with PKCE (S256),
 * state and nonce; ID tokens are checked for signature, issuer, audience, expiry and nonce by pac4j (nimbus). We read
 * identity claims from the validated ID token only, so the user-info endpoint is not called.
 */
public final class OidcProviders {

    static final String GOOGLE_DISCOVERY = "https://accounts.google.com/.well-known/openid-configuration";
    static final String APPLE_DISCOVERY = "https://appleid.apple.com/.well-known/openid-configuration";

    private final Map<String, OidcClient> clients = new LinkedHashMap<>();

    public OidcProviders(Map<String, ProviderSettings> providers, URI publicBaseUrl, Clock clock) {
        String base = publicBaseUrl.toString().replaceAll("/+$", "");
        providers.forEach((name, settings) -> {
            if (!name.matches("[a-z0-9-]{1,32}") || "dev".equals(name)) {
                throw new IllegalArgumentException("provider names are 1-32 of a-z, 0-9, '-', and not 'dev': " + name);
            }
            clients.put(name, client(name, settings, base + "/auth/" + name + "/callback", clock));
        });
    }

    public Optional<OidcClient> client(String name) {
        return Optional.ofNullable(clients.get(name));
    }

    private static OidcClient client(String name, ProviderSettings settings, String callbackUrl, Clock clock) {
        OidcConfiguration config;
        OidcClient client;
        switch (settings.getType()) {
            case "google" -> {
                config = new OidcConfiguration();
                config.setDiscoveryURI(orDefault(settings.getDiscoveryUri(), GOOGLE_DISCOVERY));
                config.setSecret(settings.getClientSecret());
                client = new GoogleOidcClient(config);
            }
            case "apple" -> {
                AppleConfiguration apple = new AppleConfiguration(clock);
                apple.setDiscoveryURI(orDefault(settings.getDiscoveryUri(), APPLE_DISCOVERY));
                apple.setTeamID(require(settings.getTeamId(), name, "teamId"));
                apple.setPrivateKeyID(require(settings.getKeyId(), name, "keyId"));
                apple.setPrivateKey(AppleConfiguration.parseP8(privateKey(name, settings)));
                // Apple returns the name and email scopes' results only by form_post, and the name only once.
                apple.setResponseMode("form_post");
                config = apple;
                client = new AppleClient(apple);
            }
            default -> {
                config = new OidcConfiguration();
                config.setDiscoveryURI(require(settings.getDiscoveryUri(), name, "discoveryUri"));
                config.setSecret(settings.getClientSecret());
                client = new OidcClient(config);
            }
        }
        config.setClientId(settings.getClientId());
        config.setScope("apple".equals(settings.getType()) && "openid email profile".equals(settings.getScope())
                ? "openid email name" : settings.getScope());
        config.setWithState(true);
        config.setUseNonce(true);
        config.setPkceMethod(CodeChallengeMethod.S256);
        config.setCallUserInfoEndpoint(false);
        config.setExpireSessionWithToken(false);
        client.setName(name);
        client.setCallbackUrl(callbackUrl);
        client.setCallbackUrlResolver(new NoParameterCallbackUrlResolver());
        client.setCheckAuthenticationAttempt(false);
        return client;
    }

    private static String privateKey(String name, ProviderSettings settings) {
        if (settings.getPrivateKey() != null) {
            return settings.getPrivateKey();
        }
        String file = require(settings.getPrivateKeyFile(), name, "privateKey or privateKeyFile");
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the Apple key file of provider " + name, e);
        }
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String require(String value, String provider, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("signIn.providers." + provider + "." + field + " is required");
        }
        return value;
    }
}
