package io.billingnow.plugin.stripe;

import io.billingnow.sdk.CredentialCheckRequest;
import io.billingnow.sdk.CredentialCheckResult;
import io.billingnow.sdk.PaymentProvider;
import io.billingnow.sdk.ProviderContext;
import io.billingnow.sdk.ProviderException;
import io.billingnow.sdk.link.PaymentLink;
import io.billingnow.sdk.link.PaymentLinkCancellation;
import io.billingnow.sdk.link.PaymentLinkRequest;
import io.billingnow.sdk.webhook.VerifiedWebhook;
import io.billingnow.sdk.webhook.WebhookRejectedException;
import io.billingnow.sdk.webhook.WebhookRequest;

import java.util.List;

/** Stripe as a {@link PaymentProvider}: wires the signature check, the event parser and the API client. */
final class StripeProvider implements PaymentProvider {

    private final StripeSignatureVerifier signatures;
    private final StripeEventParser events = new StripeEventParser();
    private final StripeApiClient api;

    StripeProvider(ProviderContext context) {
        this.signatures = new StripeSignatureVerifier(context.clock());
        this.api = new StripeApiClient(context.http(), context.clock());
    }

    @Override
    public VerifiedWebhook verifyWebhook(WebhookRequest request) throws WebhookRejectedException {
        byte[] body = request.body();
        signatures.verify(body, request.headers(), request.credentials().webhookSecrets());
        return new VerifiedWebhook(List.of(events.parse(body)));
    }

    @Override
    public PaymentLink createPaymentLink(PaymentLinkRequest request) throws ProviderException {
        return api.createCheckoutSession(request);
    }

    @Override
    public void cancelPaymentLink(PaymentLinkCancellation request) throws ProviderException {
        api.expireCheckoutSession(request);
    }

    @Override
    public CredentialCheckResult checkCredentials(CredentialCheckRequest request) {
        return api.checkCredentials(request.credentials());
    }
}
