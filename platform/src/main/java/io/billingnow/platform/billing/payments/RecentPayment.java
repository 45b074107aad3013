package io.billingnow.platform.billing.payments;

import java.time.Instant;
import java.util.UUID;

/** A payment or refund as a list of recent money movements shows it: with the number of the invoice it belongs to. */
public record RecentPayment(UUID id, UUID invoiceId, String invoiceNumber, String kind, String method, long amount,
                            String currency, Instant receivedAt) {
}
