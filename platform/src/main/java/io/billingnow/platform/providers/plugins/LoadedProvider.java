package io.billingnow.platform.providers.plugins;

import io.billingnow.sdk.Capability;
import io.billingnow.sdk.PaymentProvider;
import io.billingnow.sdk.ProviderDescriptor;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/** One provider a started plugin contributed: its descriptor (read once), its shared instance and its health. */
public final class LoadedProvider {

    private final String pluginId;
    private final ProviderDescriptor descriptor;
    private final PaymentProvider provider;
    private final ClassLoader classLoader;
    private final AtomicReference<PluginHealth> health = new AtomicReference<>(PluginHealth.INITIAL);

    LoadedProvider(String pluginId, ProviderDescriptor descriptor, PaymentProvider provider, ClassLoader classLoader) {
        this.pluginId = pluginId;
        this.descriptor = descriptor;
        this.provider = provider;
        this.classLoader = classLoader;
    }

    public String pluginId() {
        return pluginId;
    }

    public String id() {
        return descriptor.id();
    }

    public ProviderDescriptor descriptor() {
        return descriptor;
    }

    public boolean can(Capability capability) {
        return descriptor.capabilities().contains(capability);
    }

    public PluginHealth health() {
        return health.get();
    }

    PaymentProvider instance() {
        return provider;
    }

    ClassLoader classLoader() {
        return classLoader;
    }

    void failed(String what, Instant at) {
        health.updateAndGet(h -> h.failed(what, at));
    }

    void succeeded() {
        health.updateAndGet(PluginHealth::succeeded);
    }
}
