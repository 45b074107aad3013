package io.billingnow.platform.web.signup;

import static org.assertj.core.api.Assertions.assertThat;

import io.billingnow.platform.testing.TestPlatform;
import io.billingnow.platform.web.People;
import io.billingnow.platform.web.People.Session;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An invitation-only deployment ({@code signIn.selfServiceSignUp: false}): no form, no link, the POST refused. */
@ExtendWith(DropwizardExtensionsSupport.class)
class SignUpSwitchedOffTest {

    private static final String KEY = People.randomKey();
    private static final TestPlatform PLATFORM = new TestPlatform(People.cookieKey(KEY),
            ConfigOverride.config("signIn.selfServiceSignUp", "false"));

    @RegisterExtension
    static final DropwizardAppExtension<?> APP = PLATFORM.app();

    @Test
    void switchedOffTheFormIsAbsentAndTheSignUpIsRefused() {
        People people = People.of(PLATFORM, KEY);
        Session session = people.signIn(people.person("closed@signup.example"), "test");

        HttpResponse<String> chooser = people.get("/", session);
        assertThat(chooser.statusCode()).isEqualTo(200);
        assertThat(chooser.body()).doesNotContain("/businesses/new").contains("Ask its owner to invite");
        assertThat(people.get("/account", session).body()).doesNotContain("/businesses/new");
        assertThat(people.get("/businesses/new", session).statusCode()).isEqualTo(403);

        HttpResponse<String> refused = people.post("/businesses/new", session, Map.of("name", "Closed",
                "slug", "closed-co", "country", "DE", "currency", "EUR"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).doesNotContain("signup-form");
        assertThat(PLATFORM.tenantBySlug("closed-co")).isEmpty();
    }
}
