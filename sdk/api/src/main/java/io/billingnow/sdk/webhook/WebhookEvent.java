package io.billingnow.sdk.webhook;

import io.billingnow.sdk.Money;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One verified event, normalised from the provider's format.
 *
 * @param providerEventId   the provider's id for the event, or a key built from the event's fields where the
 *                          provider has none; the host deduplicates on it per tenant and provider
 * @param type              the normalised kind
 * @param providerType      the provider's own event name, for logs (for example {@code charge.refunded})
 * @param paymentReference  the provider's unique id of the payment concerned, if any: the same in every event about
 *                          that payment (Stripe's PaymentIntent id in both {@code checkout.session.completed} and
 *                          {@code payment_intent.succeeded}) and different for every separate payment. The host
 *                          records at most one payment per reference and provider account, so a reference shared by
 *                          two real payments (a remittance text, an invoice number) would lose the second one
 * @param invoiceReference  the host's invoice id the payment was created for, if the provider echoed it back; the
 *                          host must check it belongs to the tenant before acting on it
 * @param amount            the amount concerned (for refunds: the refunded amount), if the event carries one
 * @param occurredAt        when the provider says the event happened
 */
public record WebhookEvent(String providerEventId, EventType type, String providerType,
                           Optional<String> paymentReference, Optional<String> invoiceReference,
                           Optional<Money> amount, Instant occurredAt) {

    /** Validates presence. */
    public WebhookEvent {
        Objects.requireNonNull(providerEventId, "providerEventId");
        if (providerEventId.isBlank()) {
            throw new IllegalArgumentException("providerEventId must not be blank");
        }
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(providerType, "providerType");
        Objects.requireNonNull(paymentReference, "paymentReference");
        Objects.requireNonNull(invoiceReference, "invoiceReference");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
