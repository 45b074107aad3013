package io.billingnow.platform.billing.invoices;

/** What an invoice's content adds up to, in minor units: fixed while it is a draft's content, final once issued. */
public record InvoiceAmounts(long subtotal, long discountTotal, long netTotal, long taxTotal, long total) {
}
