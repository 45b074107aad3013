package io.billingnow.platform.identity.signin;

import io.billingnow.platform.app.BillingNowApplication;
import io.billingnow.platform.testing.TestPlatform;
import io.dropwizard.testing.ConfigOverride;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.net.http.HttpResponse;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

/** A real OpenID provider in the test JVM serving a "google" and an "apple" issuer, and a platform wired to it. */
final class SignInFixture {

    static final String GOOGLE_CLIENT = "billingnow-google-client";
    static final String APPLE_CLIENT = "test.billingnow.web";
    static final String APPLE_TEAM = "TEAM123456";
    static final String APPLE_KEY_ID = "KEY0000001";
    static final String COOKIE_KEY = randomKey();
    static final String OPERATOR_SUBJECT = "operator-subject-1";

    static final MockOAuth2Server OIDC = start();
    static final KeyPair APPLE_KEY = ecKey();
    static final ForgingProvider FORGER = new ForgingProvider();

    private SignInFixture() {
    }

    /** A clock the tests move by hand. */
    static final class TestClock extends Clock {
        private volatile Instant now = Instant.parse("2026-03-02T09:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    static final TestClock CLOCK = new TestClock();

    /** The application on the test clock. */
    public static final class ClockedApplication extends BillingNowApplication {
        public ClockedApplication() {
            super(CLOCK);
        }
    }

    static List<ConfigOverride> overrides(boolean devLogin) {
        List<ConfigOverride> o = new ArrayList<>();
        o.add(ConfigOverride.config("signIn.providers.google.type", "google"));
        o.add(ConfigOverride.config("signIn.providers.google.clientId", GOOGLE_CLIENT));
        o.add(ConfigOverride.config("signIn.providers.google.clientSecret", "google-client-secret"));
        o.add(ConfigOverride.config("signIn.providers.google.discoveryUri", OIDC.wellKnownUrl("google").toString()));
        o.add(ConfigOverride.config("signIn.providers.apple.type", "apple"));
        o.add(ConfigOverride.config("signIn.providers.apple.clientId", APPLE_CLIENT));
        o.add(ConfigOverride.config("signIn.providers.apple.teamId", APPLE_TEAM));
        o.add(ConfigOverride.config("signIn.providers.apple.keyId", APPLE_KEY_ID));
        o.add(ConfigOverride.config("signIn.providers.apple.privateKey", pem(APPLE_KEY)));
        o.add(ConfigOverride.config("signIn.providers.apple.discoveryUri", OIDC.wellKnownUrl("apple").toString()));
        o.add(ConfigOverride.config("signIn.providers.forged.clientId", ForgingProvider.CLIENT_ID));
        o.add(ConfigOverride.config("signIn.providers.forged.clientSecret", "forged-secret"));
        o.add(ConfigOverride.config("signIn.providers.forged.discoveryUri", FORGER.discoveryUri()));
        o.add(ConfigOverride.config("signIn.cookieKeys.current", COOKIE_KEY));
        o.add(ConfigOverride.config("signIn.operators.ops.issuer", OIDC.issuerUrl("google").toString()));
        o.add(ConfigOverride.config("signIn.operators.ops.subject", OPERATOR_SUBJECT));
        o.add(ConfigOverride.config("signIn.devLogin", Boolean.toString(devLogin)));
        return o;
    }

    /** The next token the issuer hands out will be for this subject, with these extra (or overriding) claims. */
    static void nextToken(String issuerId, String subject, Map<String, Object> claims, long expirySeconds) {
        OIDC.enqueueCallback(new DefaultOAuth2TokenCallback(issuerId, subject, "JWT", null, claims, expirySeconds));
    }

    static void nextToken(String issuerId, String subject, String email, boolean verified) {
        nextToken(issuerId, subject, Map.of("email", email, "email_verified", verified), 3600);
    }

    /** Runs the whole redirect dance for Google up to (not including) the final redirect to returnTo. */
    static HttpResponse<String> signInWithGoogle(Browser browser, String returnTo) {
        HttpResponse<String> login = browser.get("/auth/google/login" + (returnTo == null ? "" : "?returnTo=" + returnTo));
        if (login.statusCode() != 302) {
            throw new AssertionError("login: " + login.statusCode() + " " + login.body());
        }
        HttpResponse<String> authorized = browser.follow(login);
        return browser.follow(authorized);
    }

    private static MockOAuth2Server start() {
        MockOAuth2Server server = new MockOAuth2Server();
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown));
        return server;
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static KeyPair ecKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(KeyPair key) {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(key.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----";
    }

    static TestPlatform platform(boolean devLogin) {
        return new TestPlatform(new ClockedApplication(), overrides(devLogin).toArray(ConfigOverride[]::new));
    }
}
