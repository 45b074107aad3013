package io.billingnow.plugin.example;

import io.billingnow.sdk.Credentials;
import io.billingnow.sdk.PaymentProvider;
import io.billingnow.sdk.ProviderContext;
import io.billingnow.sdk.ProviderException;
import io.billingnow.sdk.ProviderException.Kind;
import io.billingnow.sdk.link.PaymentLink;
import io.billingnow.sdk.link.PaymentLinkRequest;
import io.billingnow.sdk.webhook.VerifiedWebhook;
import io.billingnow.sdk.webhook.WebhookRejectedException;
import io.billingnow.sdk.webhook.WebhookRequest;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A SEPA credit transfer "provider": the link is the partner's own pay page, which shows the bank details and a QR
 * code of the EPC payload carried in the link; the partner's service reports received transfers by webhook.
 * It makes no outbound HTTP call, so it only uses the context's clock.
 */
final class BankTransferProvider implements PaymentProvider {

    private final Clock clock;
    private final ExampleWebhookVerifier webhooks;

    BankTransferProvider(ProviderContext context) {
        this.clock = context.clock();
        this.webhooks = new ExampleWebhookVerifier(context.clock());
    }

    @Override
    public VerifiedWebhook verifyWebhook(WebhookRequest request) throws WebhookRejectedException {
        return webhooks.verify(request.body(), request.headers(), request.credentials().webhookSecrets());
    }

    @Override
    public PaymentLink createPaymentLink(PaymentLinkRequest request) throws ProviderException {
        Credentials c = request.credentials();
        String name = c.require(BankTransferProviderFactory.BENEFICIARY_NAME);
        String iban = c.require(BankTransferProviderFactory.IBAN);
        String base = c.require(BankTransferProviderFactory.PAY_PAGE_BASE_URL);
        if (!request.expiresAt().isAfter(clock.instant())) {
            throw new ProviderException(Kind.INVALID_REQUEST, "the requested expiry has already passed");
        }
        String payload = EpcQrPayload.builder()
                .bic(c.get(BankTransferProviderFactory.BIC).orElse(""))
                .beneficiaryName(name)
                .iban(iban)
                .amount(request.amount())
                .remittanceText("Invoice " + request.invoice().invoiceNumber())
                .build();
        String reference = reference(request);
        Instant expiresAt = Instant.ofEpochSecond(request.expiresAt().getEpochSecond());
        String url = (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/pay"
                + "?ref=" + reference
                + "&invoice=" + URLEncoder.encode(request.invoice().invoiceId(), StandardCharsets.UTF_8)
                + "&expires=" + expiresAt.getEpochSecond()
                + "&epc=" + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        try {
            return new PaymentLink(new URI(url), reference, expiresAt);
        } catch (java.net.URISyntaxException e) {
            throw new ProviderException(Kind.INVALID_CREDENTIALS, "pay page base URL is not a URI");
        }
    }

    /** A stable reference per tenant, invoice and amount, so re-issuing a link keeps the same reference. */
    private static String reference(PaymentLinkRequest r) {
        String material = r.tenant().tenantId() + "\n" + r.invoice().invoiceId() + "\n" + r.amount();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(material.getBytes(StandardCharsets.UTF_8));
            return "BT-" + HexFormat.of().withUpperCase().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
