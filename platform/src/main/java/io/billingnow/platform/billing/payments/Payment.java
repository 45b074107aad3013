package io.billingnow.platform.billing.payments;

import java.time.Instant;
import java.util.UUID;

/**
 * Money received for an invoice ({@code kind = payment}) or returned ({@code kind = refund}). Of a payment,
 * {@code appliedAmount} settled the invoice and {@code excessAmount} went to the customer's credit balance.
 */
public record Payment(UUID id, UUID invoiceId, String kind, String method, long amount, String currency,
                      long appliedAmount, long excessAmount, String reference, String provider,
                      String providerReference, Instant receivedAt, Instant createdAt) {
}
