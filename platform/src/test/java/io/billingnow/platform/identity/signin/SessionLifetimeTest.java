package io.billingnow.platform.identity.signin;

import static io.billingnow.platform.identity.signin.SignInFixture.CLOCK;
import static io.billingnow.platform.identity.signin.SignInFixture.nextToken;
import static io.billingnow.platform.identity.signin.SignInFixture.signInWithGoogle;
import static org.assertj.core.api.Assertions.assertThat;

import io.billingnow.platform.testing.TestPlatform;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Idle timeout (30 min) and absolute lifetime (12 h), on the application's injected clock. */
@ExtendWith(DropwizardExtensionsSupport.class)
class SessionLifetimeTest {

    static final TestPlatform platform = SignInFixture.platform(false);

    @RegisterExtension
    static final DropwizardAppExtension<?> APP = platform.app();

    @Test
    void aSessionLeftIdleForLongerThanTheIdleTimeoutEnds() {
        Browser browser = signedIn("google-idle");
        CLOCK.advance(Duration.ofMinutes(29));
        assertThat(browser.get("/v1/me").statusCode()).isEqualTo(200);
        CLOCK.advance(Duration.ofMinutes(29));
        assertThat(browser.get("/v1/me").statusCode()).as("used 29 minutes ago").isEqualTo(200);
        CLOCK.advance(Duration.ofMinutes(31));
        assertThat(browser.get("/v1/me").statusCode()).isEqualTo(401);
    }

    @Test
    void aSessionInConstantUseStillEndsAfterItsAbsoluteLifetime() {
        Browser browser = signedIn("google-absolute");
        Duration used = Duration.ZERO;
        while (used.compareTo(Duration.ofHours(12).minusMinutes(20)) < 0) {
            CLOCK.advance(Duration.ofMinutes(20));
            used = used.plusMinutes(20);
            assertThat(browser.get("/v1/me").statusCode()).as("after " + used).isEqualTo(200);
        }
        CLOCK.advance(Duration.ofMinutes(21));
        assertThat(browser.get("/v1/me").statusCode()).isEqualTo(401);
    }

    @Test
    void aSignInLeftAtTheProviderForTooLongCannotBeCompleted() {
        Browser browser = new Browser(platform);
        HttpResponse<String> login = browser.get("/auth/google/login");
        nextToken("google", "google-slow", "slow@example.com", true);
        HttpResponse<String> toCallback = browser.follow(login);
        CLOCK.advance(Duration.ofMinutes(11));
        HttpResponse<String> late = browser.follow(toCallback);
        assertThat(late.statusCode()).isEqualTo(400);
        assertThat(browser.session()).isNull();
    }

    @Test
    void anInvitationExpires() {
        var tenant = platform.createTenant("expiring-invites", "EUR");
        String owner = platform.apiKey(tenant, io.billingnow.platform.identity.auth.Role.OWNER);
        String token = platform.postJson("/v1/members/invitations", owner,
                java.util.Map.of("email", "late@example.com", "role", "viewer"), 201).get("token").asText();
        CLOCK.advance(Duration.ofDays(8));
        Browser browser = signedIn("google-late");
        HttpResponse<String> accepted = browser.sameSite("POST", "/v1/invitations/accept",
                "{\"token\":\"" + token + "\"}", null);
        assertThat(accepted.statusCode()).isEqualTo(404);
    }

    private static Browser signedIn(String subject) {
        Browser browser = new Browser(platform);
        nextToken("google", subject, subject.replace("google-", "") + "@example.com", true);
        assertThat(signInWithGoogle(browser, null).statusCode()).isEqualTo(303);
        return browser;
    }
}
