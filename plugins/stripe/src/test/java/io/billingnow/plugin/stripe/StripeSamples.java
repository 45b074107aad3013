package io.billingnow.plugin.stripe;

import com.stripe.net.Webhook;
import io.billingnow.sdk.Headers;
import io.billingnow.sdk.Money;
import io.billingnow.sdk.testkit.SignedWebhook;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;

/** Stripe-shaped event bodies and signatures made with Stripe's own library. */
final class StripeSamples {

    private static final SecureRandom RANDOM = new SecureRandom();

    private StripeSamples() {
    }

    static String newSecret() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        return "whsec_" + Base64.getEncoder().encodeToString(b);
    }

    static String checkoutCompleted(String invoice, Money amount, Instant at, String paymentStatus) {
        return """
                {"id":"evt_1Qcontract%s","object":"event","api_version":"2024-06-20","created":%d,
                 "type":"checkout.session.completed","livemode":false,"pending_webhooks":1,
                 "data":{"object":{"id":"cs_test_a1","object":"checkout.session","amount_total":%d,
                   "currency":"%s","client_reference_id":"%s","metadata":{"invoice_reference":"%s"},
                   "payment_intent":"pi_3Qcontract","payment_status":"%s","status":"complete"}}}
                """.formatted(at.getEpochSecond(), at.getEpochSecond(), amount.minorUnits(),
                amount.currency().toLowerCase(Locale.ROOT), invoice, invoice, paymentStatus);
    }

    static String event(String type, String object, Instant at) {
        return """
                {"id":"evt_sample","object":"event","created":%d,"type":"%s","data":{"object":%s}}
                """.formatted(at.getEpochSecond(), type, object);
    }

    /** Signs with stripe-java's own header generator, so our verifier is checked against Stripe's code. */
    static SignedWebhook sign(byte[] body, Instant at, String secret) {
        try {
            String header = Webhook.Signature.generateSignatureHeader(new String(body, StandardCharsets.UTF_8),
                    secret, at.getEpochSecond());
            return new SignedWebhook(body, Headers.of("Stripe-Signature", header));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
