package io.billingnow.plugin.gocardless;

import io.billingnow.sdk.Headers;
import io.billingnow.sdk.testkit.SignedWebhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;

/** GoCardless-shaped webhook bodies and their signatures. */
final class GoCardlessSamples {

    private static final SecureRandom RANDOM = new SecureRandom();

    private GoCardlessSamples() {
    }

    static String newSecret() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    static String event(String id, String resourceType, String action, String paymentId, String invoice,
                        Instant at) {
        String metadata = invoice == null ? "{}" : "{\"invoice_reference\":\"" + invoice + "\"}";
        return """
                {"id":"%s","created_at":"%s","resource_type":"%s","action":"%s",
                 "links":{"payment":"%s","organisation":"OR123"},
                 "details":{"origin":"gocardless","cause":"payment_confirmed","description":"sample"},
                 "metadata":{},"resource_metadata":%s}
                """.formatted(id, at, resourceType, action, paymentId, metadata);
    }

    static byte[] events(String... events) {
        return ("{\"events\":[" + String.join(",", events) + "]}").getBytes(StandardCharsets.UTF_8);
    }

    static String signature(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static SignedWebhook sign(byte[] body, String secret) {
        return new SignedWebhook(body, Headers.of("Webhook-Signature", signature(body, secret),
                "Content-Type", "application/json"));
    }
}
