package io.billingnow.platform.identity.signin;

import static org.assertj.core.api.Assertions.assertThat;

import io.billingnow.platform.tenancy.Tenant;
import io.billingnow.platform.testing.TestPlatform;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** With {@code signIn.devLogin: true} a newcomer signs in by email alone and owns the sample tenants. */
@ExtendWith(DropwizardExtensionsSupport.class)
class DevLoginTest {

    static final TestPlatform platform = SignInFixture.platform(true);

    @RegisterExtension
    static final DropwizardAppExtension<?> APP = platform.app();

    @Test
    void aDevUserSignsInWithAnEmailAndOwnsTheSampleTenants() {
        Tenant sample = platform.createTenant("sample-shop", "EUR");
        Browser browser = new Browser(platform);
        HttpResponse<String> login = browser.send("POST", "/auth/dev/login", "{\"email\":\"New.Dev@example.com\"}");
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        assertThat(browser.session()).isNotNull();

        assertThat(browser.get("/v1/me").body()).contains("\"email\":\"new.dev@example.com\"")
                .contains("\"emailVerified\":true").contains("\"role\":\"owner\"");
        HttpResponse<String> created = browser.sameSite("POST", "/v1/customers", "{\"name\":\"First customer\"}",
                sample.slug());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    @Test
    void devLoginRefusesSomethingThatIsNotAnEmail() {
        assertThat(new Browser(platform).send("POST", "/auth/dev/login", "{\"email\":\"not an email\"}")
                .statusCode()).isEqualTo(400);
    }
}
