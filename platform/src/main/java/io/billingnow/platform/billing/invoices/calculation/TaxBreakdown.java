package io.billingnow.platform.billing.invoices.calculation;

/**
 * The tax of one rate (grouped by rate id, category and percent) over the whole invoice.
 *
 * @param rate               the rate, as first met on the lines
 * @param invoiceDiscount    the part of the invoice-level discount allocated to the lines carrying this rate (in the
 *                           invoice's price basis: tax-included for INCLUSIVE invoices)
 * @param taxableAmount      the net base: the lines' net amounts after all discounts
 * @param taxAmount          the tax; for EXCLUSIVE invoices exactly {@code round(taxableAmount × percent / 100)}
 */
public record TaxBreakdown(TaxRate rate, long invoiceDiscount, long taxableAmount, long taxAmount) {
}
