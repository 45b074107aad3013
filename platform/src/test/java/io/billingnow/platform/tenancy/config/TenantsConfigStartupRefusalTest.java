package io.billingnow.platform.tenancy.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.billingnow.platform.app.BillingNowApplication;
import io.billingnow.platform.config.BillingNowConfiguration;
import io.billingnow.platform.testing.TestDatabase;
import io.billingnow.platform.testing.TestPostgres;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TenantsConfigStartupRefusalTest {

    @TempDir
    Path folder;

    @Test
    void anInvalidFolderStopsTheServerFromStartingAndCreatesNoTenant() throws IOException, SQLException {
        Files.writeString(folder.resolve("good-shop.yml"), "slug: good-shop\nname: Good\ncountry: DE\ncurrency: EUR\n");
        Files.writeString(folder.resolve("bad-shop.yml"), "slug: bad-shop\nname: Bad\ncountry: DE\ncurrency: EURO\n");
        TestDatabase database = TestPostgres.get().newDatabase();
        List<ConfigOverride> overrides = new ArrayList<>(database.configOverrides());
        overrides.add(ConfigOverride.config("platform.tenantsConfigDir", folder.toString()));
        DropwizardTestSupport<BillingNowConfiguration> support = new DropwizardTestSupport<>(
                BillingNowApplication.class, ResourceHelpers.resourceFilePath("test-config.yml"),
                overrides.toArray(ConfigOverride[]::new));

        try {
            assertThatThrownBy(support::before)
                    .hasStackTraceContaining(InvalidTenantsConfigException.class.getName())
                    .hasStackTraceContaining("bad-shop.yml: /currency: an ISO 4217 currency code");
        } finally {
            support.after();
            // A start that fails leaves the overrides behind as system properties; later apps must not inherit them.
            overrides.forEach(ConfigOverride::removeFromSystemProperties);
        }

        try (Connection c = database.superuserConnection(); var s = c.createStatement();
             var rs = s.executeQuery("SELECT count(*) FROM tenants")) {
            rs.next();
            assertThat(rs.getLong(1)).isZero();
        }
    }
}
