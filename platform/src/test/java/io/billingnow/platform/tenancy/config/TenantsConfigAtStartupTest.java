package io.billingnow.platform.tenancy.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.billingnow.platform.testing.TestPlatform;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The platform applies platform.tenantsConfigDir while starting, before it serves a request. */
@ExtendWith(DropwizardExtensionsSupport.class)
class TenantsConfigAtStartupTest {

    static final TestPlatform platform = new TestPlatform(ConfigOverride.config("platform.tenantsConfigDir",
            TenantFileValidationTest.REPOSITORY_FOLDER.toAbsolutePath().toString()));

    @RegisterExtension
    static final DropwizardAppExtension<?> APP = platform.app();

    @Test
    void theSampleTenantsExistOnceTheServerIsUp() {
        Map<?, ?> page = platform.get("/admin/v1/tenants", platform.operatorToken(true)).readEntity(Map.class);

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> tenants = (List<Map<String, Object>>) page.get("data");
        assertThat(tenants).extracting(t -> t.get("slug"))
                .containsExactly("acme-gmbh", "manama-supplies", "tokyo-trading");
        assertThat(tenants).extracting(t -> t.get("defaultCurrency")).containsExactly("EUR", "BHD", "JPY");
    }
}
