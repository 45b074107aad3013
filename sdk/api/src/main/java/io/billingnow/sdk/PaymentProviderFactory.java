package io.billingnow.sdk;

/**
 * The plugin entry point: a {@link java.util.ServiceLoader} service the host discovers in each plugin. It describes
 * the provider and creates provider instances bound to the host's context.
 *
 * <p>A plugin declares exactly one implementation, named in its
 * {@code META-INF/services/io.billingnow.sdk.PaymentProviderFactory} file; the host looks that file up with the
 * plugin's own class loader only. Implementations must be public with a public no-argument constructor, cheap to
 * construct, and hold no tenant state.
 */
public interface PaymentProviderFactory {

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
