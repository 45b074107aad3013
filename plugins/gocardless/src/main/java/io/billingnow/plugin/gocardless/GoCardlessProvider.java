package io.billingnow.plugin.gocardless;

import io.billingnow.sdk.CredentialCheckRequest;
import io.billingnow.sdk.CredentialCheckResult;
import io.billingnow.sdk.PaymentProvider;
import io.billingnow.sdk.ProviderContext;
import io.billingnow.sdk.ProviderException;
import io.billingnow.sdk.link.PaymentLink;
import io.billingnow.sdk.link.PaymentLinkRequest;
import io.billingnow.sdk.webhook.VerifiedWebhook;
import io.billingnow.sdk.webhook.WebhookRejectedException;
import io.billingnow.sdk.webhook.WebhookRequest;

/** GoCardless as a {@link PaymentProvider}. */
final class GoCardlessProvider implements PaymentProvider {

    private final GoCardlessWebhooks webhooks = new GoCardlessWebhooks();
    private final GoCardlessApiClient api;

    GoCardlessProvider(ProviderContext context) {
        this.api = new GoCardlessApiClient(context.http(), context.clock());
    }

    @Override
    public VerifiedWebhook verifyWebhook(WebhookRequest request) throws WebhookRejectedException {
        return new VerifiedWebhook(webhooks.verify(request.body(), request.headers(),
                request.credentials().webhookSecrets()));
    }

    @Override
    public PaymentLink createPaymentLink(PaymentLinkRequest request) throws ProviderException {
        return api.createBillingRequestFlow(request);
    }

    @Override
    public CredentialCheckResult checkCredentials(CredentialCheckRequest request) {
        return api.checkCredentials(request.credentials());
    }
}
