package io.billingnow.platform.providers.plugins;

import io.billingnow.sdk.SdkVersion;
import java.nio.file.Path;
import org.pf4j.CompoundPluginLoader;
import org.pf4j.DefaultPluginLoader;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginLoader;
import org.pf4j.RuntimeMode;

/**
 * PF4J configured for untrusted-by-default plugins: every plugin in an {@link IsolatingPluginClassLoader}, and the
 * version gate on: a plugin whose {@code Plugin-Requires} does not accept {@link SdkVersion#CURRENT} is not started.
 */
final class IsolatingPluginManager extends DefaultPluginManager {

    IsolatingPluginManager(Path directory) {
        super(directory);
        setSystemVersion(SdkVersion.CURRENT.toString());
    }

    @Override
    public RuntimeMode getRuntimeMode() {
        // PF4J's development mode reads plugins from build folders with other rules; we only ever load zips.
        return RuntimeMode.DEPLOYMENT;
    }

    @Override
    protected PluginLoader createPluginLoader() {
        return new CompoundPluginLoader().add(new DefaultPluginLoader(this) {
            @Override
            protected PluginClassLoader createPluginClassLoader(Path pluginPath, PluginDescriptor descriptor) {
                return new IsolatingPluginClassLoader(pluginManager, descriptor,
                        IsolatingPluginManager.class.getClassLoader());
            }
        });
    }
}
