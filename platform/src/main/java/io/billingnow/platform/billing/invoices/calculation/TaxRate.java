package io.billingnow.platform.billing.invoices.calculation;

import java.math.BigDecimal;

/**
 * A tax rate applied to a line.
 *
 * @param id       stable identifier of the rate in the tenant's configuration, e.g. {@code "de-vat-standard"}
 * @param name     label printed on the invoice, e.g. {@code "VAT 19%"}
 * @param category EN 16931 category code
 * @param percent  0 to 100 with at most 4 decimals, e.g. {@code 19} or {@code 7.7}
 */
public record TaxRate(String id, String name, TaxCategory category, BigDecimal percent) {
}
