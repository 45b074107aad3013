package io.billingnow.plugin.stripe;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.billingnow.sdk.Money;
import io.billingnow.sdk.webhook.EventType;
import io.billingnow.sdk.webhook.RejectionReason;
import io.billingnow.sdk.webhook.WebhookEvent;
import io.billingnow.sdk.webhook.WebhookRejectedException;

import java.io.IOException;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns a verified Stripe event into a {@link WebhookEvent}. Only the events BillingNow acts on are mapped in
 * detail; any other authentic event becomes {@link EventType#OTHER}.
 */
final class StripeEventParser {

    /** The metadata key the plugin sets on Checkout Sessions and PaymentIntents. */
    static final String INVOICE_METADATA_KEY = "invoice_reference";

    private static final long MAX_EPOCH_SECOND = 253_402_300_799L; // 9999-12-31T23:59:59Z
    private static final ObjectMapper JSON = new ObjectMapper();

    WebhookEvent parse(byte[] body) throws WebhookRejectedException {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            throw malformed("body is not JSON");
        } catch (IOException e) {
            throw malformed("body could not be read");
        }
        if (root == null || !root.isObject()) {
            throw malformed("body is not a JSON object");
        }
        String id = text(root, "id").orElseThrow(() -> malformed("event id absent"));
        String type = text(root, "type").orElseThrow(() -> malformed("event type absent"));
        JsonNode created = root.path("created");
        if (!created.isIntegralNumber() || !created.canConvertToLong() || created.asLong() < 0
                || created.asLong() > MAX_EPOCH_SECOND) {
            throw malformed("event creation time absent or out of range");
        }
        JsonNode object = root.path("data").path("object");
        if (!object.isObject()) {
            throw malformed("data.object absent");
        }
        Instant occurredAt = Instant.ofEpochSecond(created.asLong());
        Optional<String> invoice = text(object.path("metadata"), INVOICE_METADATA_KEY);

        switch (type) {
            case "checkout.session.completed", "checkout.session.async_payment_succeeded",
                    "checkout.session.async_payment_failed" -> {
                EventType normalised = type.endsWith("async_payment_failed") ? EventType.PAYMENT_FAILED
                        : "paid".equals(object.path("payment_status").asText()) ? EventType.PAYMENT_SUCCEEDED
                        : EventType.OTHER;
                Optional<String> payment = text(object, "payment_intent").or(() -> text(object, "id"));
                return new WebhookEvent(id, normalised, type, payment,
                        invoice.or(() -> text(object, "client_reference_id")),
                        money(object, "amount_total"), occurredAt);
            }
            case "payment_intent.succeeded" -> {
                Optional<Money> amount = money(object, "amount_received");
                if (amount.isEmpty()) {
                    amount = money(object, "amount");
                }
                return new WebhookEvent(id, EventType.PAYMENT_SUCCEEDED, type, text(object, "id"), invoice, amount,
                        occurredAt);
            }
            case "payment_intent.payment_failed" -> {
                return new WebhookEvent(id, EventType.PAYMENT_FAILED, type, text(object, "id"), invoice,
                        money(object, "amount"), occurredAt);
            }
            case "charge.refunded" -> {
                Optional<String> payment = text(object, "payment_intent").or(() -> text(object, "id"));
                return new WebhookEvent(id, EventType.REFUNDED, type, payment, invoice,
                        money(object, "amount_refunded"), occurredAt);
            }
            case "charge.dispute.created" -> {
                Optional<String> payment = text(object, "payment_intent").or(() -> text(object, "charge"));
                return new WebhookEvent(id, EventType.DISPUTED, type, payment, invoice, money(object, "amount"),
                        occurredAt);
            }
            default -> {
                return new WebhookEvent(id, EventType.OTHER, type, Optional.empty(), invoice, Optional.empty(),
                        occurredAt);
            }
        }
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? Optional.of(value.asText()) : Optional.empty();
    }

    private static Optional<Money> money(JsonNode object, String amountField) throws WebhookRejectedException {
        JsonNode amount = object.path(amountField);
        Optional<String> currency = text(object, "currency");
        if (!amount.isIntegralNumber() || !amount.canConvertToLong() || currency.isEmpty()) {
            return Optional.empty();
        }
        String code = currency.get().toUpperCase(Locale.ROOT);
        if (!code.matches("[A-Z]{3}")) {
            throw malformed("currency is not an ISO 4217 code");
        }
        return Optional.of(new Money(amount.asLong(), code));
    }

    private static WebhookRejectedException malformed(String detail) {
        return new WebhookRejectedException(RejectionReason.MALFORMED, detail);
    }
}
