package io.billingnow.plugin.adyen;

import io.billingnow.sdk.PaymentProvider;
import io.billingnow.sdk.ProviderContext;
import io.billingnow.sdk.ProviderException;
import io.billingnow.sdk.link.PaymentLink;
import io.billingnow.sdk.link.PaymentLinkCancellation;
import io.billingnow.sdk.link.PaymentLinkRequest;
import io.billingnow.sdk.webhook.VerifiedWebhook;
import io.billingnow.sdk.webhook.WebhookRejectedException;
import io.billingnow.sdk.webhook.WebhookRequest;

/** Adyen as a {@link PaymentProvider}. */
final class AdyenProvider implements PaymentProvider {

    private final AdyenNotificationVerifier notifications = new AdyenNotificationVerifier();
    private final AdyenPaymentLinks links;

    AdyenProvider(ProviderContext context) {
        this.links = new AdyenPaymentLinks(context.http(), context.clock());
    }

    @Override
    public VerifiedWebhook verifyWebhook(WebhookRequest request) throws WebhookRejectedException {
        return new VerifiedWebhook(notifications.verify(request.body(), request.credentials().webhookSecrets()));
    }

    @Override
    public PaymentLink createPaymentLink(PaymentLinkRequest request) throws ProviderException {
        return links.create(request);
    }

    @Override
    public void cancelPaymentLink(PaymentLinkCancellation request) throws ProviderException {
        links.expire(request);
    }
}
