package io.billingnow.plugin.gocardless;

import io.billingnow.sdk.CredentialCheckRequest;
import io.billingnow.sdk.CredentialCheckResult;
import io.billingnow.sdk.PaymentProvider;
import io.billingnow.sdk.ProviderContext;
import io.billingnow.sdk.ProviderException;
import io.billingnow.sdk.link.PaymentLink;
import io.billingnow.sdk.link.PaymentLinkCancellation;
import io.billingnow.sdk.link.PaymentLinkRequest;
import io.billingnow.sdk.webhook.VerifiedWebhook;
import io.billingnow.sdk.webhook.WebhookEvent;
import io.billingnow.sdk.webhook.WebhookRejectedException;
import io.billingnow.sdk.webhook.WebhookRequest;

import java.util.ArrayList;
import java.util.List;

/**
 * GoCardless as a {@link PaymentProvider}. {@code payments.confirmed} (collected from the customer's bank) records the
 * money; {@code payments.paid_out} (later passed on to the creditor) is about the same payment ({@code links.payment})
 * and is only recorded as an event.
 */
final class GoCardlessProvider implements PaymentProvider {

    private final GoCardlessWebhooks webhooks = new GoCardlessWebhooks();
    private final GoCardlessApiClient api;

    GoCardlessProvider(ProviderContext context) {
        this.api = new GoCardlessApiClient(context.http(), context.clock());
    }

    @Override
    public VerifiedWebhook verifyWebhook(WebhookRequest request) throws WebhookRejectedException {
        List<WebhookEvent> events = new ArrayList<>();
        for (WebhookEvent event : webhooks.verify(request.body(), request.headers(),
                request.credentials().webhookSecrets())) {
            events.add(api.withPaymentAmount(event, request.credentials()));
        }
        return new VerifiedWebhook(events);
    }

    @Override
    public PaymentLink createPaymentLink(PaymentLinkRequest request) throws ProviderException {
        return api.createBillingRequestFlow(request);
    }

    @Override
    public void cancelPaymentLink(PaymentLinkCancellation request) throws ProviderException {
        api.cancelBillingRequest(request);
    }

    @Override
    public CredentialCheckResult checkCredentials(CredentialCheckRequest request) {
        return api.checkCredentials(request.credentials());
    }
}
