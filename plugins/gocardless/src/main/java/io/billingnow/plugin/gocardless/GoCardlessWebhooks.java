package io.billingnow.plugin.gocardless;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.billingnow.sdk.Headers;
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
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Verifies GoCardless webhooks: {@code Webhook-Signature} is the hex HMAC-SHA256 of the raw body keyed with the
 * webhook endpoint's secret. The scheme has no timestamp; the host's deduplication on event ids stops replays.
 * GoCardless events carry no amounts; the provider reads a confirmed payment's amount from the API afterwards.
 */
final class GoCardlessWebhooks {

    static final String HEADER = "Webhook-Signature";
    static final String INVOICE_METADATA_KEY = "invoice_reference";
    static final int MAX_BODY_BYTES = 2 * 1024 * 1024;
    private static final int MAX_EVENTS = 500;
    private static final ObjectMapper JSON = new ObjectMapper();

    List<WebhookEvent> verify(byte[] body, Headers headers, List<String> configuredSecrets)
            throws WebhookRejectedException {
        if (body.length > MAX_BODY_BYTES) {
            throw new WebhookRejectedException(RejectionReason.TOO_LARGE, "body exceeds " + MAX_BODY_BYTES + " bytes");
        }
        List<String> secrets = configuredSecrets.stream().filter(s -> !s.isBlank()).toList();
        if (secrets.isEmpty()) {
            throw new WebhookRejectedException(RejectionReason.NO_SECRET_CONFIGURED, "no webhook endpoint secret");
        }
        List<String> values = headers.all(HEADER);
        if (values.isEmpty()) {
            throw new WebhookRejectedException(RejectionReason.MISSING_SIGNATURE, HEADER + " header absent");
        }
        String value = values.get(0).trim();
        if (values.size() > 1 || value.length() != 64 || !value.matches("[0-9a-fA-F]{64}")) {
            throw new WebhookRejectedException(RejectionReason.MALFORMED, HEADER + " is not one hex HMAC-SHA256");
        }
        byte[] signature = HexFormat.of().parseHex(value);
        boolean matched = false;
        for (String secret : secrets) {
            matched |= MessageDigest.isEqual(hmac(secret, body), signature);
        }
        if (!matched) {
            throw new WebhookRejectedException(RejectionReason.BAD_SIGNATURE, "signature does not match");
        }
        return parse(body);
    }

    private static List<WebhookEvent> parse(byte[] body) throws WebhookRejectedException {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            throw malformed("body is not JSON");
        } catch (IOException e) {
            throw malformed("body could not be read");
        }
        JsonNode events = root == null ? null : root.path("events");
        if (events == null || !events.isArray() || events.size() > MAX_EVENTS) {
            throw malformed("events array absent or too long");
        }
        List<WebhookEvent> out = new ArrayList<>();
        for (JsonNode event : events) {
            out.add(toEvent(event));
        }
        return out;
    }

    private static WebhookEvent toEvent(JsonNode event) throws WebhookRejectedException {
        if (!event.isObject()) {
            throw malformed("event is not an object");
        }
        String id = text(event, "id").orElseThrow(() -> malformed("event id absent"));
        String resourceType = text(event, "resource_type").orElseThrow(() -> malformed("resource_type absent"));
        String action = text(event, "action").orElseThrow(() -> malformed("action absent"));
        Instant createdAt;
        try {
            createdAt = OffsetDateTime.parse(text(event, "created_at")
                    .orElseThrow(() -> malformed("created_at absent"))).toInstant();
        } catch (DateTimeParseException e) {
            throw malformed("created_at is not an ISO-8601 date-time");
        }
        EventType type = switch (resourceType + "." + action) {
            case "payments.confirmed" -> EventType.PAYMENT_SUCCEEDED;
            case "payments.failed" -> EventType.PAYMENT_FAILED;
            case "payments.charged_back" -> EventType.DISPUTED;
            case "refunds.paid" -> EventType.REFUNDED;
            default -> EventType.OTHER;
        };
        JsonNode links = event.path("links");
        Optional<String> invoice = text(event.path("resource_metadata"), INVOICE_METADATA_KEY)
                .or(() -> text(event.path("metadata"), INVOICE_METADATA_KEY));
        return new WebhookEvent(id, type, resourceType + "." + action, text(links, "payment"), invoice,
                Optional.empty(), createdAt);
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isTextual() && !v.asText().isBlank() ? Optional.of(v.asText()) : Optional.empty();
    }

    private static byte[] hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static WebhookRejectedException malformed(String detail) {
        return new WebhookRejectedException(RejectionReason.MALFORMED, detail);
    }
}
