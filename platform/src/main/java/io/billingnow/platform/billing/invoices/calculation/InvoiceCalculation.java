package io.billingnow.platform.billing.invoices.calculation;

import io.billingnow.platform.billing.money.CurrencyUnit;
import io.billingnow.platform.billing.money.Money;
import java.util.List;

/**
 * The result of {@link InvoiceCalculator#calculate(InvoiceInput)}. All amounts are minor units of {@link #currency()}.
 *
 * @param lines        one entry per input line, same order
 * @param taxBreakdown one entry per distinct rate (id, category, percent), in order of first appearance
 */
public record InvoiceCalculation(
        CurrencyUnit currency,
        TaxBehaviour taxBehaviour,
        List<CalculatedLine> lines,
        List<TaxBreakdown> taxBreakdown,
        InvoiceTotals totals) {

    public InvoiceCalculation {
        lines = List.copyOf(lines);
        taxBreakdown = List.copyOf(taxBreakdown);
    }

    /** The total as {@link Money}, for display. */
    public Money total() {
        return Money.ofMinor(totals.total(), currency);
    }
}
