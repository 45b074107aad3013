package io.billingnow.platform.providers.plugins;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.pf4j.ClassLoadingStrategy;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginManager;

/**
 * A plugin's class loader in Trino's model. Its parent is the JDK's platform class loader, not the application's, so
 * a plugin cannot see the host's classes or libraries. Exactly the packages of the contract — the SDK and the SLF4J
 * API — are taken from the host, so both sides agree on those types (not PF4J: the SDK owes it nothing); everything
 * else is loaded from the plugin's own classes and lib/ first, then from the JDK. A plugin may therefore bundle any
 * Jackson or HTTP client without clashing with the host's.
 */
final class IsolatingPluginClassLoader extends PluginClassLoader {

    /** Package prefixes that come from the host. Keep it short: each entry is API we can never change freely. */
    static final List<String> HOST_PACKAGES = List.of("io.billingnow.sdk.", "org.slf4j.");

    /**
     * The one PF4J class resolved through a plugin's loader: PF4J instantiates it for each plugin (ours declare no
     * {@code Plugin-Class}) and checks it is its own {@code Plugin}. Plugin code has no use for it.
     */
    private static final String PF4J_PLUGIN = "org.pf4j.Plugin";

    private final ClassLoader host;

    IsolatingPluginClassLoader(PluginManager manager, PluginDescriptor descriptor, ClassLoader host) {
        super(manager, descriptor, ClassLoader.getPlatformClassLoader(), ClassLoadingStrategy.PDA);
        this.host = host;
    }

    static boolean fromHost(String className) {
        if (className.equals(PF4J_PLUGIN)) {
            return true;
        }
        for (String prefix : HOST_PACKAGES) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static boolean resourceFromHost(String name) {
        String asClass = name.replace('/', '.');
        return fromHost(asClass);
    }

    @Override
    public Class<?> loadClass(String className) throws ClassNotFoundException {
        if (fromHost(className)) {
            return host.loadClass(className);
        }
        synchronized (getClassLoadingLock(className)) {
            Class<?> loaded = findLoadedClass(className);
            if (loaded != null) {
                return loaded;
            }
            if (!className.startsWith("java.")) {
                try {
                    return findClass(className);
                } catch (ClassNotFoundException notInPlugin) {
                    // fall through to the JDK
                }
            }
            return getParent().loadClass(className);
        }
    }

    @Override
    public URL getResource(String name) {
        if (resourceFromHost(name)) {
            return host.getResource(name);
        }
        URL own = findResource(name);
        return own != null ? own : getParent().getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        if (resourceFromHost(name)) {
            return host.getResources(name);
        }
        List<URL> all = new ArrayList<>(Collections.list(findResources(name)));
        all.addAll(Collections.list(getParent().getResources(name)));
        return Collections.enumeration(all);
    }
}
