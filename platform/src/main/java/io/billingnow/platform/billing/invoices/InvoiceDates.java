package io.billingnow.platform.billing.invoices;

import java.time.LocalDate;

/** The dates an invoice is issued and due (a draft may leave them to finalization), and whether it is late. */
public record InvoiceDates(LocalDate issueDate, LocalDate dueDate, boolean overdue) {
}
