package io.billingnow.platform.billing.invoices;

import java.math.BigDecimal;

/** One tax rate's total over the invoice: rounded once per rate, as EN 16931 does (docs/money.md). */
public record TaxLine(String rateId, String name, String category, BigDecimal percent, long taxableAmount,
                      long taxAmount) {
}
