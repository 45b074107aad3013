package io.billingnow.platform.signin;

import static io.billingnow.platform.signin.SignInFixture.CLOCK;
import static io.billingnow.platform.signin.SignInFixture.nextToken;
import static io.billingnow.platform.signin.SignInFixture.signInWithGoogle;
import static org.assertj.core.api.Assertions.assertThat;

import io.billingnow.platform.testing.TestPlatform;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
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

    private static Browser signedIn(String subject) {
        Browser browser = new Browser(platform);
        nextToken("google", subject, subject + "@example.com", true);
        assertThat(signInWithGoogle(browser, null).statusCode()).isEqualTo(303);
        return browser;
    }
}
