package io.billingnow.sdk;

import io.billingnow.sdk.link.PaymentLink;
import io.billingnow.sdk.link.PaymentLinkCancellation;
import io.billingnow.sdk.link.PaymentLinkRequest;
import io.billingnow.sdk.webhook.VerifiedWebhook;
import io.billingnow.sdk.webhook.WebhookRejectedException;
import io.billingnow.sdk.webhook.WebhookRequest;

/**
 * A payment provider as the host sees it. Every call names its tenant and carries that tenant's credentials in its
 * request record; the instance itself is shared by all tenants and must be thread-safe.
 *
 * <p>Methods added in later SDK versions are {@code default} methods, so existing plugins keep working.
 */
public interface PaymentProvider {

    /**
     * Verifies a webhook delivery's signature over the raw body and normalises its events.
     *
     * <p>Must throw only {@link WebhookRejectedException} for any input, however malformed or large; any other
     * exception is a plugin bug. Must use the context's clock for timestamp checks.
     *
     * @param request the raw delivery and the tenant's secrets
     * @return the verified events
     * @throws WebhookRejectedException if the delivery is not authentic or cannot be understood
     * @throws UnsupportedOperationException if the provider does not declare {@link Capability#WEBHOOKS}
     */
    VerifiedWebhook verifyWebhook(WebhookRequest request) throws WebhookRejectedException;

    /**
     * Issues a hosted payment link for an invoice. The returned link must not outlive
     * {@link PaymentLinkRequest#expiresAt()}: if the provider cannot honour that expiry the call fails.
     *
     * @param request the invoice, amount, return URLs, expiry and credentials
     * @return the link
     * @throws ProviderException if the provider refuses or cannot be reached
     * @throws UnsupportedOperationException if the provider does not declare {@link Capability#PAYMENT_LINKS}
     */
    PaymentLink createPaymentLink(PaymentLinkRequest request) throws ProviderException;

    /**
     * Closes the checkout the provider opened for a payment link, so the customer can no longer pay there. The host
     * calls it after revoking its own link, only for providers that declare
     * {@link Capability#CANCEL_PAYMENT_LINKS}, and may call it again for the same reference (a retry after a
     * failure): closing a checkout that is already closed, expired or completed must succeed, not fail.
     *
     * @param request the tenant, the checkout's provider reference and the credentials
     * @throws ProviderException if the provider refuses or cannot be reached; by default
     *                           {@link ProviderException.Kind#UNSUPPORTED}
     * @since 0.1.0
     */
    default void cancelPaymentLink(PaymentLinkCancellation request) throws ProviderException {
        throw new ProviderException(ProviderException.Kind.UNSUPPORTED, "this provider cannot close its checkouts");
    }

    /**
     * Tells whether a tenant's credentials work, typically with a cheap authenticated read at the provider.
     * Providers that support it declare {@link Capability#CREDENTIAL_CHECK}.
     *
     * @param request the tenant and the credentials to check
     * @return the outcome; by default {@link CredentialCheckResult.Status#NOT_SUPPORTED}
     */
    default CredentialCheckResult checkCredentials(CredentialCheckRequest request) {
        return new CredentialCheckResult(CredentialCheckResult.Status.NOT_SUPPORTED,
                "this provider cannot check credentials");
    }

    /**
     * Releases what the provider holds (HTTP connections it opened itself, threads, caches). The host calls it once,
     * on a plugin thread under the plugin's class loader and with the loading deadline, when it stops offering the
     * provider: when the plugin is unloaded and when the host shuts down. No call is made on the instance afterwards.
     * It should not throw; an exception is logged and the shutdown goes on.
     *
     * @since 0.2.0
     */
    default void close() {
    }
}
