package io.billingnow.platform.billing.invoices;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An invoice as the API shows it. Amounts are integer minor units of {@code currency}. */
public record Invoice(UUID id, String number, InvoiceStatus status, UUID customerId, String currency,
                      String taxBehavior, LocalDate issueDate, LocalDate dueDate, boolean overdue, String memo,
                      DiscountFields discount, List<InvoiceLine> lines, List<TaxLine> taxBreakdown, long subtotal,
                      long discountTotal, long netTotal, long taxTotal, long total, long amountPaid,
                      long amountCredited, long amountDue, Map<String, Object> seller, Map<String, Object> customer,
                      Map<String, String> metadata, Instant finalizedAt, Instant paidAt, Instant voidedAt,
                      Instant createdAt, Instant updatedAt, int version) {

    public Invoice withCustomer(Map<String, Object> shownCustomer) {
        return new Invoice(id, number, status, customerId, currency, taxBehavior, issueDate, dueDate, overdue, memo,
                discount, lines, taxBreakdown, subtotal, discountTotal, netTotal, taxTotal, total, amountPaid,
                amountCredited, amountDue, seller, shownCustomer, metadata, finalizedAt, paidAt, voidedAt, createdAt,
                updatedAt, version);
    }
}
