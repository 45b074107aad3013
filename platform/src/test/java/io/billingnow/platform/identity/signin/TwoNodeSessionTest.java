package io.billingnow.platform.identity.signin;

import static io.billingnow.platform.identity.signin.SignInFixture.CLOCK;
import static io.billingnow.platform.identity.signin.SignInFixture.nextToken;
import static io.billingnow.platform.identity.signin.SignInFixture.signInWithGoogle;
import static org.assertj.core.api.Assertions.assertThat;

import io.billingnow.platform.testing.TestPlatform;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two nodes on one database sharing the cookie key: a session from one works on the other, and a revocation on one
 * reaches the other within the session cache's TTL (15 s by default), the documented bound.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class TwoNodeSessionTest {

    static final TestPlatform nodeA = SignInFixture.platform(false);
    static final TestPlatform nodeB = new TestPlatform(nodeA.database(), new SignInFixture.ClockedApplication(),
            SignInFixture.overrides(false).toArray(ConfigOverride[]::new));

    @RegisterExtension
    static final DropwizardAppExtension<?> A = nodeA.app();

    @RegisterExtension
    static final DropwizardAppExtension<?> B = nodeB.app();

    @Test
    void aRevocationOnOneNodeReachesTheOtherWithinTheCacheTtl() {
        Browser onA = new Browser(nodeA);
        nextToken("google", "google-two-nodes", "two-nodes@example.com", true);
        assertThat(signInWithGoogle(onA, null).statusCode()).isEqualTo(303);
        Browser onB = new Browser(nodeB);
        onB.cookies.putAll(onA.cookies);
        assertThat(onB.get("/v1/me").statusCode()).isEqualTo(200);

        assertThat(onA.sameSite("POST", "/v1/me/sessions/revoke-all", null, null).statusCode()).isEqualTo(204);
        onA.cookies.putAll(onB.cookies);
        assertThat(onA.get("/v1/me").statusCode()).as("at once on the node that revoked").isEqualTo(401);

        CLOCK.advance(Duration.ofSeconds(16));
        assertThat(onB.get("/v1/me").statusCode()).as("on the other node once its cached copy expired")
                .isEqualTo(401);
    }
}
