package io.billingnow.plugin.example;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.billingnow.sdk.Headers;
import io.billingnow.sdk.Money;
import io.billingnow.sdk.webhook.EventType;
import io.billingnow.sdk.webhook.RejectionReason;
import io.billingnow.sdk.webhook.VerifiedWebhook;
import io.billingnow.sdk.webhook.WebhookEvent;
import io.billingnow.sdk.webhook.WebhookRejectedException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The example's webhook scheme (see plugins/README.md, "The example's webhook scheme"):
 * <ul>
 *   <li>{@code X-Example-Timestamp}: the signing time in Unix seconds;</li>
 *   <li>{@code X-Example-Signature}: one or more comma-separated {@code v1=<hex>} values, each the HMAC-SHA256
 *       keyed with the webhook secret over the timestamp, a dot and the raw body;</li>
 *   <li>deliveries signed more than five minutes away from now are rejected as stale.</li>
 * </ul>
 */
final class ExampleWebhookVerifier {

    static final String TIMESTAMP_HEADER = "X-Example-Timestamp";
    static final String SIGNATURE_HEADER = "X-Example-Signature";
    static final long TOLERANCE_SECONDS = 300;
    static final int MAX_BODY_BYTES = 256 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Clock clock;

    ExampleWebhookVerifier(Clock clock) {
        this.clock = clock;
    }

    VerifiedWebhook verify(byte[] body, Headers headers, List<String> configuredSecrets)
            throws WebhookRejectedException {
        // 1. Cheap checks first, before any hashing or parsing.
        if (body.length > MAX_BODY_BYTES) {
            throw reject(RejectionReason.TOO_LARGE, "body exceeds " + MAX_BODY_BYTES + " bytes");
        }
        List<String> secrets = configuredSecrets.stream().filter(s -> !s.isBlank()).toList();
        if (secrets.isEmpty()) {
            throw reject(RejectionReason.NO_SECRET_CONFIGURED, "no webhook secret");
        }
        Optional<String> timestampHeader = headers.first(TIMESTAMP_HEADER);
        Optional<String> signatureHeader = headers.first(SIGNATURE_HEADER);
        if (signatureHeader.isEmpty()) {
            throw reject(RejectionReason.MISSING_SIGNATURE, SIGNATURE_HEADER + " header absent");
        }
        if (timestampHeader.isEmpty() || !timestampHeader.get().matches("[0-9]{1,12}")) {
            throw reject(RejectionReason.MALFORMED, TIMESTAMP_HEADER + " absent or not Unix seconds");
        }
        long timestamp = Long.parseLong(timestampHeader.get());
        List<byte[]> candidates = signatures(signatureHeader.get());

        // 2. The signature, compared in constant time against every configured secret (rotation).
        byte[] signed = (timestamp + ".").getBytes(StandardCharsets.US_ASCII);
        boolean matched = false;
        for (String secret : secrets) {
            byte[] expected = hmac(secret, signed, body);
            for (byte[] candidate : candidates) {
                matched |= MessageDigest.isEqual(expected, candidate);
            }
        }
        if (!matched) {
            throw reject(RejectionReason.BAD_SIGNATURE, "no v1 signature matches");
        }
        // 3. Freshness, from the host's clock, never the system clock.
        if (Math.abs(clock.instant().getEpochSecond() - timestamp) > TOLERANCE_SECONDS) {
            throw reject(RejectionReason.STALE_TIMESTAMP, "signed outside the " + TOLERANCE_SECONDS + " s tolerance");
        }
        // 4. Only now parse the body: it is authentic.
        return new VerifiedWebhook(List.of(parse(body)));
    }

    private static List<byte[]> signatures(String header) throws WebhookRejectedException {
        List<byte[]> out = new ArrayList<>();
        for (String part : header.split(",", 20)) {
            String p = part.trim();
            if (p.startsWith("v1=") && p.length() == 67 && p.substring(3).matches("[0-9a-fA-F]{64}")) {
                out.add(HexFormat.of().parseHex(p.substring(3)));
            }
        }
        if (out.isEmpty()) {
            throw reject(RejectionReason.MALFORMED, "no well-formed v1 signature");
        }
        return out;
    }

    private static WebhookEvent parse(byte[] body) throws WebhookRejectedException {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            throw reject(RejectionReason.MALFORMED, "body is not JSON");
        } catch (IOException e) {
            throw reject(RejectionReason.MALFORMED, "body could not be read");
        }
        if (root == null || !root.isObject()) {
            throw reject(RejectionReason.MALFORMED, "body is not a JSON object");
        }
        String id = text(root, "id");
        String type = text(root, "type");
        JsonNode transfer = root.path("transfer");
        Instant occurredAt;
        try {
            occurredAt = OffsetDateTime.parse(text(root, "occurred_at")).toInstant();
        } catch (DateTimeParseException e) {
            throw reject(RejectionReason.MALFORMED, "occurred_at is not an ISO-8601 date-time");
        }
        EventType normalised = switch (type) {
            case "transfer.received" -> EventType.PAYMENT_SUCCEEDED;
            case "transfer.returned" -> EventType.REFUNDED;
            default -> EventType.OTHER;
        };
        Optional<Money> amount = Optional.empty();
        JsonNode minor = transfer.path("amount_minor");
        if (minor.isIntegralNumber() && minor.canConvertToLong() && transfer.path("currency").isTextual()) {
            String currency = transfer.path("currency").asText();
            if (!currency.matches("[A-Z]{3}")) {
                throw reject(RejectionReason.MALFORMED, "currency is not an ISO 4217 code");
            }
            amount = Optional.of(new Money(minor.asLong(), currency));
        }
        // The payment reference must name one transfer: the host records one payment per reference. The remittance
        // reference (BT-…) is the same for every transfer paying the same link, so it cannot be it. A received
        // transfer's event announces exactly one transfer, so its id stands in when the bank gives no transfer id.
        Optional<String> payment = optionalText(transfer, "id");
        if (payment.isEmpty() && normalised == EventType.PAYMENT_SUCCEEDED) {
            payment = Optional.of(id);
        }
        return new WebhookEvent(id, normalised, type, payment, optionalText(transfer, "invoice_reference"), amount,
                occurredAt);
    }

    private static String text(JsonNode node, String field) throws WebhookRejectedException {
        return optionalText(node, field).orElseThrow(() -> reject(RejectionReason.MALFORMED, field + " absent"));
    }

    private static Optional<String> optionalText(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isTextual() && !v.asText().isBlank() ? Optional.of(v.asText()) : Optional.empty();
    }

    static byte[] hmac(String secret, byte[] prefix, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(prefix);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    // Messages name the problem, never a secret, a signature or body content.
    private static WebhookRejectedException reject(RejectionReason reason, String detail) {
        return new WebhookRejectedException(reason, detail);
    }
}
