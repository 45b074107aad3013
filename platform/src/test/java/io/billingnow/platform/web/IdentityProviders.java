package io.billingnow.platform.web;

import io.dropwizard.testing.ConfigOverride;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import no.nav.security.mock.oauth2.MockOAuth2Server;

/**
 * Google and Apple for the browser tests: one real OpenID provider in the test JVM (mock-oauth2-server) plays both,
 * under the issuers {@code google} and {@code apple}, and the platform is configured to sign in with them.
 */
public final class IdentityProviders {

    private IdentityProviders() {
    }

    /** A started provider, stopped when the JVM ends (it outlives the test class's platform). */
    public static MockOAuth2Server start() {
        MockOAuth2Server server = new MockOAuth2Server();
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown));
        return server;
    }

    /** The platform's sign-in settings for "Sign in with Google" and "Sign in with Apple" against {@code oidc}. */
    public static ConfigOverride[] googleAndApple(MockOAuth2Server oidc) {
        return new ConfigOverride[] {
            ConfigOverride.config("signIn.providers.google.type", "google"),
            ConfigOverride.config("signIn.providers.google.clientId", "web-test-client"),
            ConfigOverride.config("signIn.providers.google.clientSecret", "web-test-secret"),
            ConfigOverride.config("signIn.providers.google.discoveryUri", oidc.wellKnownUrl("google").toString()),
            ConfigOverride.config("signIn.providers.apple.type", "apple"),
            ConfigOverride.config("signIn.providers.apple.clientId", "test.billingnow.web"),
            ConfigOverride.config("signIn.providers.apple.teamId", "TEAM123456"),
            ConfigOverride.config("signIn.providers.apple.keyId", "KEY0000001"),
            ConfigOverride.config("signIn.providers.apple.privateKey", applePrivateKey()),
            ConfigOverride.config("signIn.providers.apple.discoveryUri", oidc.wellKnownUrl("apple").toString())};
    }

    /** A fresh P-256 key in PKCS#8 PEM, as Apple hands out for "Sign in with Apple" (never leaves the test). */
    private static String applePrivateKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder()
                    .encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
