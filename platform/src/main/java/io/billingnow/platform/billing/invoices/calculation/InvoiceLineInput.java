package io.billingnow.platform.billing.invoices.calculation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One line as entered.
 *
 * @param quantity   greater than 0, at most 6 decimals, at most {@link InvoiceCalculator#MAX_QUANTITY}
 * @param unitAmount price of one unit in minor units, not negative; net or gross depending on the invoice's
 *                   {@link TaxBehaviour}
 * @param taxRates   zero or more rates, each applied to the full line amount (never compounded)
 * @param discount   optional line discount, {@code null} for none
 */
public record InvoiceLineInput(BigDecimal quantity, long unitAmount, List<TaxRate> taxRates, Discount discount) {

    public InvoiceLineInput {
        // Copied, but null elements are kept so that validation can name them by index.
        taxRates = taxRates == null ? null : Collections.unmodifiableList(new ArrayList<>(taxRates));
    }

    /** A line without discount. */
    public InvoiceLineInput(BigDecimal quantity, long unitAmount, List<TaxRate> taxRates) {
        this(quantity, unitAmount, taxRates, null);
    }
}
