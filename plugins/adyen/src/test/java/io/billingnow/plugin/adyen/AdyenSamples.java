package io.billingnow.plugin.adyen;

import com.adyen.model.notification.NotificationRequest;
import com.adyen.model.notification.NotificationRequestItem;
import com.adyen.notification.WebhookHandler;
import com.adyen.util.HMACValidator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.billingnow.sdk.Headers;
import io.billingnow.sdk.Money;
import io.billingnow.sdk.testkit.SignedWebhook;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;

/** Adyen-shaped notifications, signed with Adyen's own HMACValidator. */
final class AdyenSamples {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private AdyenSamples() {
    }

    static String newKey() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return HexFormat.of().withUpperCase().formatHex(b);
    }

    static String item(String psp, String original, String eventCode, boolean success, String reference,
                       Money amount, Instant at) {
        return """
                {"NotificationRequestItem":{"additionalData":{"authCode":"123456"},
                  "amount":{"currency":"%s","value":%d},"eventCode":"%s","eventDate":"%s",
                  "merchantAccountCode":"BillingNowECOM","merchantReference":"%s","originalReference":"%s",
                  "paymentMethod":"visa","pspReference":"%s","reason":"","success":"%s"}}
                """.formatted(amount.currency(), amount.minorUnits(), eventCode,
                at.atOffset(ZoneOffset.ofHours(1)), reference, original, psp, success);
    }

    static byte[] notification(String... items) {
        return ("{\"live\":\"false\",\"notificationItems\":[" + String.join(",", items) + "]}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Signs every item of a notification with Adyen's HMACValidator; returns bodies it cannot parse unchanged. */
    static SignedWebhook sign(byte[] body, String hexKey) {
        NotificationRequest parsed;
        JsonNode tree;
        try {
            parsed = new WebhookHandler().handleNotificationJson(new String(body, StandardCharsets.UTF_8));
            tree = JSON.readTree(body);
        } catch (Exception e) {
            return new SignedWebhook(body, Headers.EMPTY);
        }
        if (parsed == null || tree == null || !tree.path("notificationItems").isArray()) {
            return new SignedWebhook(body, Headers.EMPTY);
        }
        List<NotificationRequestItem> items = parsed.getNotificationItems();
        try {
            for (int i = 0; i < items.size(); i++) {
                String signature = new HMACValidator().calculateHMAC(items.get(i), hexKey);
                ObjectNode item = (ObjectNode) tree.path("notificationItems").get(i).path("NotificationRequestItem");
                ObjectNode additional = item.has("additionalData") ? (ObjectNode) item.get("additionalData")
                        : item.putObject("additionalData");
                additional.put("hmacSignature", signature);
            }
            return new SignedWebhook(JSON.writeValueAsBytes(tree), Headers.EMPTY);
        } catch (Exception e) {
            return new SignedWebhook(body, Headers.EMPTY);
        }
    }

    static SignedWebhook editSignatures(SignedWebhook signed, java.util.function.Function<String, String> edit) {
        try {
            JsonNode tree = JSON.readTree(signed.body());
            for (JsonNode container : tree.path("notificationItems")) {
                ObjectNode additional = (ObjectNode) container.path("NotificationRequestItem").path("additionalData");
                String current = additional.path("hmacSignature").asText();
                String changed = edit.apply(current);
                if (changed == null) {
                    additional.remove("hmacSignature");
                } else {
                    additional.put("hmacSignature", changed);
                }
            }
            return new SignedWebhook(JSON.writeValueAsBytes(tree), signed.headers());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
