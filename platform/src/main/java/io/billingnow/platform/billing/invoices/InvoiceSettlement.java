package io.billingnow.platform.billing.invoices;

/** How much of an invoice's total has been paid, credited and is still due, in minor units. */
public record InvoiceSettlement(long amountPaid, long amountCredited, long amountDue) {
}
