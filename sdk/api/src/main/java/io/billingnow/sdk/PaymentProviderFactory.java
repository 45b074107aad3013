package io.billingnow.sdk;

import org.pf4j.ExtensionPoint;

/**
 * The plugin entry point: a PF4J extension the host discovers in each plugin. It describes the provider and creates
 * provider instances bound to the host's context.
 *
 * <p>Implementations are annotated with {@code @org.pf4j.Extension} and must have a public no-argument constructor.
 * They must be cheap to construct and hold no tenant state.
 */
public interface PaymentProviderFactory extends ExtensionPoint {

    /**
     * Describes the provider. Called often; return a constant.
     *
     * @return the descriptor
     */
    ProviderDescriptor descriptor();

    /**
     * Creates a provider bound to the host's HTTP transport and clock. The host creates one instance and shares it
     * across tenants and threads, so the instance must be thread-safe and keep no per-tenant state.
     *
     * @param context the host's context
     * @return the provider
     */
    PaymentProvider create(ProviderContext context);
}
