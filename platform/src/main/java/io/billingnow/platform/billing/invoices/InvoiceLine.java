package io.billingnow.platform.billing.invoices;

import java.math.BigDecimal;
import java.util.List;

/** A line as the API shows it, with its computed amounts (minor units). */
public record InvoiceLine(int position, String description, BigDecimal quantity, long unitAmount,
                          List<TaxRateFields> taxRates, DiscountFields discount, long amount, long discountAmount,
                          long netAmount) {
}
