package io.billingnow.plugin.adyen;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.billingnow.sdk.Money;
import io.billingnow.sdk.webhook.EventType;
import io.billingnow.sdk.webhook.RejectionReason;
import io.billingnow.sdk.webhook.WebhookEvent;
import io.billingnow.sdk.webhook.WebhookRejectedException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Verifies Adyen standard notifications. Adyen signs each NotificationRequestItem separately: HMAC-SHA256, keyed
 * with the hex-decoded HMAC key, over {@code pspReference:originalReference:merchantAccountCode:merchantReference:
 * value:currency:eventCode:success} (absent fields as empty strings), base64 in {@code additionalData.hmacSignature}.
 * A delivery is accepted only if every item verifies. The scheme has no timestamp, so replays are caught by the
 * host's deduplication on the event id, not here.
 */
final class AdyenNotificationVerifier {

    static final int MAX_BODY_BYTES = 2 * 1024 * 1024;
    private static final int MAX_ITEMS = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    List<WebhookEvent> verify(byte[] body, List<String> secrets) throws WebhookRejectedException {
        if (body.length > MAX_BODY_BYTES) {
            throw new WebhookRejectedException(RejectionReason.TOO_LARGE, "body exceeds " + MAX_BODY_BYTES + " bytes");
        }
        List<byte[]> keys = decodeKeys(secrets);
        if (keys.isEmpty()) {
            throw new WebhookRejectedException(RejectionReason.NO_SECRET_CONFIGURED, "no usable HMAC key");
        }
        JsonNode items = parse(body).path("notificationItems");
        if (!items.isArray() || items.isEmpty() || items.size() > MAX_ITEMS) {
            throw malformed("notificationItems absent, empty or too many");
        }
        List<JsonNode> verified = new ArrayList<>();
        for (JsonNode container : items) {
            JsonNode item = container.path("NotificationRequestItem");
            if (!item.isObject()) {
                throw malformed("NotificationRequestItem absent");
            }
            verifyItem(item, keys);
            verified.add(item);
        }
        List<WebhookEvent> events = new ArrayList<>();
        for (JsonNode item : verified) {
            events.add(toEvent(item));
        }
        return events;
    }

    private static JsonNode parse(byte[] body) throws WebhookRejectedException {
        try {
            JsonNode root = JSON.readTree(body);
            if (root == null || !root.isObject()) {
                throw malformed("body is not a JSON object");
            }
            return root;
        } catch (JacksonException e) {
            throw malformed("body is not JSON");
        } catch (IOException e) {
            throw malformed("body could not be read");
        }
    }

    private static List<byte[]> decodeKeys(List<String> secrets) {
        List<byte[]> keys = new ArrayList<>();
        for (String secret : secrets) {
            try {
                byte[] key = HexFormat.of().parseHex(secret.trim());
                if (key.length > 0) {
                    keys.add(key);
                }
            } catch (IllegalArgumentException e) {
                // Not hex: the host validates the format, so such a key is simply unusable.
            }
        }
        return keys;
    }

    private static void verifyItem(JsonNode item, List<byte[]> keys) throws WebhookRejectedException {
        JsonNode signatureNode = item.path("additionalData").path("hmacSignature");
        if (!signatureNode.isTextual() || signatureNode.asText().isEmpty()) {
            throw new WebhookRejectedException(RejectionReason.MISSING_SIGNATURE, "an item has no hmacSignature");
        }
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(signatureNode.asText());
        } catch (IllegalArgumentException e) {
            throw malformed("hmacSignature is not base64");
        }
        byte[] payload = signingPayload(item).getBytes(StandardCharsets.UTF_8);
        boolean matched = false;
        for (byte[] key : keys) {
            matched |= MessageDigest.isEqual(hmac(key, payload), signature);
        }
        if (!matched) {
            throw new WebhookRejectedException(RejectionReason.BAD_SIGNATURE, "an item's hmacSignature does not match");
        }
    }

    static String signingPayload(JsonNode item) throws WebhookRejectedException {
        JsonNode amount = item.path("amount");
        JsonNode value = amount.path("value");
        String valueText;
        if (value.isMissingNode() || value.isNull()) {
            valueText = "";
        } else if (value.isIntegralNumber() && value.canConvertToLong()) {
            valueText = Long.toString(value.asLong());
        } else {
            throw malformed("amount.value is not an integer");
        }
        return String.join(":", field(item, "pspReference"), field(item, "originalReference"),
                field(item, "merchantAccountCode"), field(item, "merchantReference"), valueText,
                field(amount, "currency"), field(item, "eventCode"), field(item, "success"));
    }

    private static String field(JsonNode node, String name) throws WebhookRejectedException {
        JsonNode v = node.path(name);
        if (v.isMissingNode() || v.isNull()) {
            return "";
        }
        if (!v.isTextual()) {
            throw malformed(name + " is not a string");
        }
        return v.asText();
    }

    private static WebhookEvent toEvent(JsonNode item) throws WebhookRejectedException {
        String psp = field(item, "pspReference");
        String original = field(item, "originalReference");
        String eventCode = field(item, "eventCode");
        boolean success = "true".equals(field(item, "success"));
        if (psp.isEmpty() || eventCode.isEmpty()) {
            throw malformed("pspReference or eventCode absent");
        }
        EventType type = switch (eventCode) {
            // AUTHORISATION records the money: payment links capture immediately unless the merchant account says
            // otherwise. CAPTURE (sent for delayed or manual capture) is about the same payment, named by its
            // originalReference, and is only recorded as an event; if it were ever mapped to a success, the host's
            // once-per-payment-reference rule would still keep it to one payment.
            case "AUTHORISATION" -> success ? EventType.PAYMENT_SUCCEEDED : EventType.PAYMENT_FAILED;
            case "CAPTURE" -> EventType.OTHER;
            case "REFUND" -> success ? EventType.REFUNDED : EventType.OTHER;
            case "CHARGEBACK", "NOTIFICATION_OF_CHARGEBACK" -> EventType.DISPUTED;
            default -> EventType.OTHER;
        };
        // For modifications (captures, refunds, chargebacks) the payment is the original reference.
        String payment = !original.isEmpty() ? original : psp;
        Optional<Money> amount = Optional.empty();
        String currency = field(item.path("amount"), "currency");
        JsonNode value = item.path("amount").path("value");
        if (!currency.isEmpty() && value.isIntegralNumber()) {
            if (!currency.matches("[A-Z]{3}")) {
                throw malformed("currency is not an ISO 4217 code");
            }
            amount = Optional.of(new Money(value.asLong(), currency));
        }
        String merchantReference = field(item, "merchantReference");
        return new WebhookEvent(psp + ":" + eventCode + ":" + success, type, eventCode, Optional.of(payment),
                merchantReference.isEmpty() ? Optional.empty() : Optional.of(merchantReference), amount,
                eventDate(field(item, "eventDate")));
    }

    private static Instant eventDate(String text) throws WebhookRejectedException {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw malformed("eventDate is not an ISO-8601 date-time with offset");
        }
    }

    private static byte[] hmac(byte[] key, byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static WebhookRejectedException malformed(String detail) {
        return new WebhookRejectedException(RejectionReason.MALFORMED, detail);
    }
}
