package io.billingnow.sdk.testkit;

import io.billingnow.sdk.PaymentProviderFactory;
import io.billingnow.sdk.SdkVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks a packaged plugin zip the way the host will load it: PF4J unpacks it and checks the SDK version range, and
 * {@link ServiceLoader} finds its one factory through the plugin's own class loader. Run it
 * as an integration test after packaging, with the system property {@value #ZIP_PROPERTY} naming the zip.
 */
public abstract class PluginZipContract {

    /** The system property naming the plugin zip under test. */
    public static final String ZIP_PROPERTY = "billingnow.plugin.zip";

    /**
     * Returns the provider id the plugin's factory must declare.
     *
     * @return the provider id
     */
    protected abstract String expectedProviderId();

    /**
     * Returns the zip under test.
     *
     * @return the zip path
     */
    protected Path pluginZip() {
        String zip = System.getProperty(ZIP_PROPERTY);
        assertThat(zip).as("system property " + ZIP_PROPERTY).isNotBlank();
        return Path.of(zip);
    }

    /** Where the plugin names its one factory, for {@link java.util.ServiceLoader}. */
    static final String SERVICE_FILE = "META-INF/services/" + PaymentProviderFactory.class.getName();

    @Test
    void zipHasDescriptorClassesAndServiceFile() throws IOException {
        List<String> entries = entries();
        assertThat(entries).contains("plugin.properties", "classes/" + SERVICE_FILE);
        assertThat(entries).anyMatch(e -> e.startsWith("classes/") && e.endsWith(".class"));
        Properties p = pluginProperties();
        assertThat(p.getProperty("plugin.id")).isNotBlank();
        assertThat(p.getProperty("plugin.version")).isNotBlank();
        assertThat(p.getProperty("plugin.requires")).isNotBlank();
    }

    @Test
    void zipDoesNotBundleTheSdkOrTheHostsLibraries() throws IOException {
        assertThat(entries()).filteredOn(e -> e.startsWith("lib/"))
                .noneMatch(e -> e.contains("billingnow-sdk") || e.contains("pf4j") || e.contains("slf4j-api"));
        assertThat(entries()).noneMatch(e -> e.startsWith("classes/io/billingnow/sdk/")
                || e.startsWith("classes/org/pf4j/"));
    }

    @Test
    void pf4jLoadsThePluginAndItsClassLoaderFindsExactlyOneFactory(@TempDir Path pluginsRoot) throws Exception {
        Path zip = pluginZip();
        Files.copy(zip, pluginsRoot.resolve(zip.getFileName()));
        PluginManager manager = new DefaultPluginManager(pluginsRoot);
        manager.setSystemVersion(SdkVersion.CURRENT.toString());
        try {
            manager.loadPlugins();
            manager.startPlugins();
            List<PluginWrapper> plugins = manager.getPlugins();
            assertThat(plugins).hasSize(1);
            PluginWrapper plugin = plugins.get(0);
            assertThat(plugin.getPluginState()).isEqualTo(PluginState.STARTED);
            assertThat(plugin.getPluginId()).isEqualTo(pluginProperties().getProperty("plugin.id"));

            // As the host does it: ServiceLoader on the plugin's class loader, the plugin's own service file only.
            PluginClassLoader loader = (PluginClassLoader) plugin.getPluginClassLoader();
            assertThat(Collections.list(loader.findResources(SERVICE_FILE))).as("the plugin's own " + SERVICE_FILE)
                    .hasSize(1);
            List<PaymentProviderFactory> factories = ServiceLoader.load(PaymentProviderFactory.class, loader)
                    .stream().map(ServiceLoader.Provider::get).toList();
            assertThat(factories).hasSize(1);
            PaymentProviderFactory factory = factories.get(0);
            assertThat(factory.getClass().getClassLoader()).isSameAs(loader);
            assertThat(factory.descriptor().id()).isEqualTo(expectedProviderId());
            // The SDK types must come from the host, or the host could not call the plugin.
            assertThat(PaymentProviderFactory.class.getClassLoader())
                    .isNotInstanceOf(PluginClassLoader.class);
        } finally {
            manager.unloadPlugins();
        }
    }

    @Test
    void pluginRequiresASdkVersionRangeThatExcludesTheNextMajor(@TempDir Path pluginsRoot) throws Exception {
        Path zip = pluginZip();
        Files.copy(zip, pluginsRoot.resolve(zip.getFileName()));
        PluginManager manager = new DefaultPluginManager(pluginsRoot);
        manager.setSystemVersion((SdkVersion.CURRENT.major() + 1) + ".0.0");
        try {
            manager.loadPlugins();
            manager.startPlugins();
            assertThat(manager.getPlugins()).hasSize(1).allSatisfy(p ->
                    assertThat(p.getPluginState()).isNotEqualTo(PluginState.RESOLVED)
                            .isNotEqualTo(PluginState.STARTED));
        } finally {
            manager.unloadPlugins();
        }
    }

    private List<String> entries() throws IOException {
        try (ZipFile z = new ZipFile(pluginZip().toFile())) {
            List<String> names = new ArrayList<>();
            for (ZipEntry e : Collections.list(z.entries())) {
                names.add(e.getName());
            }
            return names;
        }
    }

    private Properties pluginProperties() throws IOException {
        try (ZipFile z = new ZipFile(pluginZip().toFile())) {
            ZipEntry e = z.getEntry("plugin.properties");
            assertThat(e).as("plugin.properties").isNotNull();
            Properties p = new Properties();
            try (InputStream in = z.getInputStream(e)) {
                p.load(in);
            }
            return p;
        }
    }
}
