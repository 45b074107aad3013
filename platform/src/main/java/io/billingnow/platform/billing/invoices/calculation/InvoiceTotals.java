package io.billingnow.platform.billing.invoices.calculation;

/**
 * The invoice totals in minor units. They always satisfy:
 * <ul>
 *   <li>{@code subtotal = linesAmount - lineDiscounts}</li>
 *   <li>{@code totalDiscount = lineDiscounts + invoiceDiscount}</li>
 *   <li>{@code total = totalNet + totalTax}</li>
 *   <li>EXCLUSIVE: {@code totalNet = subtotal - invoiceDiscount}; INCLUSIVE: {@code total = subtotal - invoiceDiscount}</li>
 * </ul>
 *
 * @param linesAmount     Σ line amounts before any discount (price basis of the invoice)
 * @param lineDiscounts   Σ line discounts
 * @param subtotal        Σ line amounts after line discounts (price basis of the invoice)
 * @param invoiceDiscount the invoice-level discount (price basis of the invoice)
 * @param totalDiscount   {@code lineDiscounts + invoiceDiscount}
 * @param totalNet        the taxable total excluding tax, after all discounts
 * @param totalTax        Σ {@link TaxBreakdown#taxAmount()}
 * @param total           what the customer owes
 */
public record InvoiceTotals(
        long linesAmount,
        long lineDiscounts,
        long subtotal,
        long invoiceDiscount,
        long totalDiscount,
        long totalNet,
        long totalTax,
        long total) {
}
