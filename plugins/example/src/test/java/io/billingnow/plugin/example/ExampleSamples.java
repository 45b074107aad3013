package io.billingnow.plugin.example;

import io.billingnow.sdk.Headers;
import io.billingnow.sdk.Money;
import io.billingnow.sdk.testkit.SignedWebhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;

/** Deliveries as the example's pay-page service sends them, signed independently of the plugin's code. */
final class ExampleSamples {

    private static final SecureRandom RANDOM = new SecureRandom();

    private ExampleSamples() {
    }

    static String newSecret() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        return "whs_" + HexFormat.of().formatHex(b);
    }

    static byte[] transferReceived(String invoice, Money amount, Instant at) {
        return """
                {"id":"evt_%d","type":"transfer.received","occurred_at":"%s",
                 "transfer":{"reference":"BT-0A1B2C3D4E5F6071","invoice_reference":"%s",
                             "amount_minor":%d,"currency":"%s","debtor_name":"Ada Lovelace"}}
                """.formatted(at.getEpochSecond(), at, invoice, amount.minorUnits(), amount.currency())
                .getBytes(StandardCharsets.UTF_8);
    }

    static SignedWebhook sign(byte[] body, Instant at, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((at.getEpochSecond() + ".").getBytes(StandardCharsets.UTF_8));
            String hex = HexFormat.of().formatHex(mac.doFinal(body));
            return new SignedWebhook(body, Headers.of("X-Example-Timestamp", Long.toString(at.getEpochSecond()),
                    "X-Example-Signature", "v1=" + hex));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
