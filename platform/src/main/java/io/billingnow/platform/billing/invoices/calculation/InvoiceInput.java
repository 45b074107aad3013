package io.billingnow.platform.billing.invoices.calculation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Everything the calculator needs about an invoice. Nothing is validated here: {@link InvoiceCalculator} does it
 * and names the offending field in an {@link InvalidInvoiceInputException}.
 *
 * @param currency     ISO 4217 code, e.g. {@code "EUR"}
 * @param taxBehaviour whether unit amounts exclude or include tax
 * @param lines        the lines, in order; an empty list gives an all-zero result
 * @param discount     optional invoice-level discount, {@code null} for none
 */
public record InvoiceInput(String currency, TaxBehaviour taxBehaviour, List<InvoiceLineInput> lines, Discount discount) {

    public InvoiceInput {
        lines = lines == null ? null : Collections.unmodifiableList(new ArrayList<>(lines));
    }
}
