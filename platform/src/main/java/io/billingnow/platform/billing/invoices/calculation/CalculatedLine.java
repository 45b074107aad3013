package io.billingnow.platform.billing.invoices.calculation;

/**
 * The amounts of one line, in minor units, in the invoice's price basis: net for {@link TaxBehaviour#EXCLUSIVE},
 * tax-included for {@link TaxBehaviour#INCLUSIVE}.
 *
 * @param index               position of the line in {@link InvoiceInput#lines()}
 * @param amount              quantity × unit amount, rounded half-up once
 * @param discountAmount      the line discount
 * @param amountAfterDiscount {@code amount - discountAmount}
 */
public record CalculatedLine(int index, long amount, long discountAmount, long amountAfterDiscount) {
}
