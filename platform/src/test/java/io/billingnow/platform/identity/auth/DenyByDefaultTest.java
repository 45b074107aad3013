package io.billingnow.platform.identity.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.billingnow.platform.testing.ConventionsTestApplication;
import io.billingnow.platform.testing.TestPlatform;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A resource method that forgot its access declaration is refused at run time, whoever calls it. */
@ExtendWith(DropwizardExtensionsSupport.class)
class DenyByDefaultTest {

    static final TestPlatform platform = new TestPlatform(new ConventionsTestApplication());

    @RegisterExtension
    static final DropwizardAppExtension<?> APP = platform.app();

    @Test
    void anUndeclaredMethodIsRefusedWithoutCredentials() {
        assertRefused(platform.get("/v1/test/undeclared", null));
    }

    @Test
    void anUndeclaredMethodIsRefusedEvenToATenantOwner() {
        var tenant = platform.createTenant("deny-owner", "EUR");
        assertRefused(platform.get("/v1/test/undeclared", platform.apiKey(tenant, Role.OWNER)));
    }

    @Test
    void anUndeclaredMethodIsRefusedEvenToAnOperator() {
        assertRefused(platform.get("/v1/test/undeclared", platform.operatorToken(false)));
    }

    @SuppressWarnings("unchecked")
    private static void assertRefused(Response response) {
        assertThat(response.getStatus()).isEqualTo(403);
        String body = response.readEntity(String.class);
        assertThat(body).doesNotContain("must never be returned");
        assertThat(body).contains("https://billingnow.io/problems/forbidden").contains("declares no access rule");
    }
}
