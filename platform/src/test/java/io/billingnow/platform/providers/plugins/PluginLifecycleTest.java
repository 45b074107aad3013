package io.billingnow.platform.providers.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import io.billingnow.platform.testing.TestDatabase;
import io.billingnow.platform.testing.TestPostgres;
import io.billingnow.sdk.PaymentProviderFactory;
import io.dropwizard.jackson.Jackson;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How the host finds a plugin's factory (ServiceLoader on the plugin's class loader, exactly one) and ends its
 * provider's life ({@code close()} once, at shutdown). Plugins that get the first part wrong are refused one by one
 * while the host starts and serves the others.
 */
class PluginLifecycleTest {

    static TestDatabase database;
    static PluginHost host;

    @BeforeAll
    static void startAHostOnTheLifecyclePlugins() {
        Path folder = TestPlugins.lifecycleFolder();
        PluginSettings settings = Jackson.newObjectMapper().convertValue(Map.of("directory", folder.toString()),
                PluginSettings.class);
        database = TestPostgres.get().newDatabase();
        host = new PluginHost(settings, Clock.systemUTC(), PluginHostTest.securityEvents(database, Clock.systemUTC()));
        host.start();
    }

    @AfterAll
    static void drop() {
        host.stop();
    }

    @Test
    void aPluginWithoutAFactoryIsRefusedAndTheHostStartsAnyway() {
        assertThat(host.provider(TestPlugins.CLOSING)).isPresent();
        assertRefused(TestPlugins.NO_FACTORY, "declares exactly one " + PaymentProviderFactory.class.getName()
                + " in META-INF/services, this one declares 0");
    }

    @Test
    void aPluginWithTwoFactoriesIsRefusedAndNeitherIsOffered() {
        assertRefused(TestPlugins.TWO_FACTORIES, "this one declares 2: [test.plugin.two.");
        assertThat(host.provider("two-a")).isEmpty();
        assertThat(host.provider("two-b")).isEmpty();
    }

    @Test
    void aServiceFileNamingAMissingClassIsRefusedWithTheClassNamed() {
        assertRefused(TestPlugins.MISSING_FACTORY, "names a class it cannot load")
                .contains("test.plugin.missing.GoneFactory");
    }

    @Test
    void stoppingTheHostClosesEachProviderOnceAndNeverCallsItAgain() throws Exception {
        // A host of its own: this one is stopped by the test, and stopped again, which must not close twice.
        PluginSettings settings = Jackson.newObjectMapper().convertValue(
                Map.of("directory", TestPlugins.lifecycleFolder().toString()), PluginSettings.class);
        PluginHost own = new PluginHost(settings, Clock.systemUTC(),
                PluginHostTest.securityEvents(database, Clock.systemUTC()));
        own.start();
        AtomicInteger closed = (AtomicInteger) own.classLoader(TestPlugins.CLOSING).orElseThrow()
                .loadClass(TestPlugins.CLOSING_FACTORY).getField("CLOSED").get(null);
        assertThat(closed).hasValue(0);
        assertThat(own.provider(TestPlugins.CLOSING)).isPresent();

        own.stop();
        assertThat(closed).hasValue(1);
        assertThat(own.provider(TestPlugins.CLOSING)).isEmpty();

        own.stop();
        assertThat(closed).hasValue(1);
    }

    private static org.assertj.core.api.AbstractStringAssert<?> assertRefused(String pluginId, String why) {
        assertThat(host.provider(pluginId)).isEmpty();
        PluginHost.PluginView view = host.plugins().stream().filter(p -> p.id().equals(pluginId)).findFirst()
                .orElseThrow();
        assertThat(view.providers()).isEmpty();
        return assertThat(view.error()).contains(why);
    }
}
