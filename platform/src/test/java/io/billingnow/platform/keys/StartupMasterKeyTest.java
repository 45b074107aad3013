package io.billingnow.platform.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.billingnow.platform.app.BillingNowApplication;
import io.billingnow.platform.config.BillingNowConfiguration;
import io.billingnow.platform.testing.TestDatabase;
import io.billingnow.platform.testing.TestPostgres;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The application itself refuses to start on a master key that is not this database's. */
class StartupMasterKeyTest {

    private static DropwizardTestSupport<BillingNowConfiguration> app(TestDatabase db, String keyVariable) {
        List<ConfigOverride> overrides = new ArrayList<>(db.configOverrides());
        overrides.add(ConfigOverride.config("platform.migrateOnStart", "true"));
        overrides.add(ConfigOverride.config("keys.masterKey.environmentVariable", keyVariable));
        return new DropwizardTestSupport<>(BillingNowApplication.class,
                ResourceHelpers.resourceFilePath("test-config.yml"), overrides.toArray(ConfigOverride[]::new));
    }

    @Test
    void theApplicationStopsAtStartupWhenTheMasterKeyIsNotTheDatabasesOne() throws Exception {
        TestDatabase db = TestPostgres.get().newDatabase();
        DropwizardTestSupport<BillingNowConfiguration> first = app(db, "BILLINGNOW_TEST_MASTER_KEY");
        first.before();
        first.after();

        DropwizardTestSupport<BillingNowConfiguration> wrong = app(db, "BILLINGNOW_TEST_OTHER_MASTER_KEY");
        assertThatThrownBy(wrong::before)
                .satisfies(e -> assertThat(rootCauseChain(e)).anySatisfy(cause -> assertThat(cause)
                        .isInstanceOf(MasterKeyMismatchException.class)
                        .hasMessageContaining("Refusing to start before touching any data")));
        wrong.after();

        DropwizardTestSupport<BillingNowConfiguration> right = app(db, "BILLINGNOW_TEST_MASTER_KEY");
        right.before();
        assertThat(right.getLocalPort()).isPositive();
        right.after();
    }

    private static List<Throwable> rootCauseChain(Throwable e) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = e; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }
}
