package io.billingnow.platform.providers.plugins;

import io.billingnow.sdk.PaymentProviderFactory;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Finds a plugin's {@link PaymentProviderFactory} as Trino finds its plugins: {@link ServiceLoader} on the plugin's
 * own class loader, which sees the plugin's {@code META-INF/services} file and not the host's. PF4J unpacks and
 * versions the plugin; its extension index and annotations play no part, so the SDK owes PF4J nothing.
 */
final class PluginFactories {

    private PluginFactories() {
    }

    /**
     * The plugin's one factory, instantiated. Run it with the plugin's class loader as the context class loader.
     *
     * @throws Refused naming what is wrong when the plugin declares none, several, or one that cannot be loaded or
     *                 constructed
     */
    static PaymentProviderFactory theOneFactoryOf(ClassLoader plugin) {
        List<ServiceLoader.Provider<PaymentProviderFactory>> declared;
        try {
            declared = ServiceLoader.load(PaymentProviderFactory.class, plugin).stream().toList();
        } catch (ServiceConfigurationError e) {
            throw new Refused("its META-INF/services/" + PaymentProviderFactory.class.getName()
                    + " names a class it cannot load: " + e.getMessage());
        }
        if (declared.size() != 1) {
            throw new Refused("a plugin declares exactly one " + PaymentProviderFactory.class.getName()
                    + " in META-INF/services, this one declares " + declared.size()
                    + (declared.isEmpty() ? "" : ": " + declared.stream().map(p -> p.type().getName()).toList()));
        }
        try {
            return declared.get(0).get();
        } catch (ServiceConfigurationError e) {
            throw new Refused("its factory cannot be constructed: " + e.getMessage());
        }
    }

    /** Why a plugin is refused, in words fit for the log and the admin console. */
    static final class Refused extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        Refused(String why) {
            super(why);
        }
    }
}
