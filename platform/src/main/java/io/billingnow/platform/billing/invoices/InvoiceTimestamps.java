package io.billingnow.platform.billing.invoices;

import java.time.Instant;

/** When an invoice was created, last changed and passed the steps of its lifecycle (null until it has). */
public record InvoiceTimestamps(Instant finalizedAt, Instant paidAt, Instant voidedAt, Instant createdAt,
                                Instant updatedAt) {
}
