package io.billingnow.platform.billing.invoices.calculation;

import java.math.BigDecimal;
import java.util.List;

/** Short ways to write invoices in tests. */
final class Fixtures {

    static final TaxRate DE_19 = rate("de-19", TaxCategory.S, "19");
    static final TaxRate DE_7 = rate("de-7", TaxCategory.S, "7");

    private Fixtures() {
    }

    static TaxRate rate(String id, TaxCategory category, String percent) {
        return new TaxRate(id, id + " " + percent + "%", category, new BigDecimal(percent));
    }

    static InvoiceLineInput line(String quantity, long unitAmount, TaxRate... rates) {
        return new InvoiceLineInput(new BigDecimal(quantity), unitAmount, List.of(rates));
    }

    static InvoiceLineInput line(String quantity, long unitAmount, Discount discount, TaxRate... rates) {
        return new InvoiceLineInput(new BigDecimal(quantity), unitAmount, List.of(rates), discount);
    }

    static InvoiceInput exclusive(String currency, InvoiceLineInput... lines) {
        return new InvoiceInput(currency, TaxBehaviour.EXCLUSIVE, List.of(lines), null);
    }

    static InvoiceInput inclusive(String currency, InvoiceLineInput... lines) {
        return new InvoiceInput(currency, TaxBehaviour.INCLUSIVE, List.of(lines), null);
    }

    static InvoiceInput withDiscount(InvoiceInput input, Discount discount) {
        return new InvoiceInput(input.currency(), input.taxBehaviour(), input.lines(), discount);
    }
}
