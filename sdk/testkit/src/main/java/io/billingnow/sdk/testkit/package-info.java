/**
 * Test support for payment-provider plugins: the {@link io.billingnow.sdk.testkit.PaymentProviderContract} every
 * plugin's tests extend, a fake HTTP server for provider fakes, a loopback-only transport, and
 * {@link io.billingnow.sdk.testkit.PluginZipContract} for the packaged zip. Use it in test scope only.
 */
package io.billingnow.sdk.testkit;
