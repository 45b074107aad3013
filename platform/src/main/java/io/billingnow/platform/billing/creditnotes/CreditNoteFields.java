package io.billingnow.platform.billing.creditnotes;

import io.billingnow.platform.billing.invoices.LineFields;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A credit note against a finalized invoice: the lines credited (same shape and tax rules as invoice lines), or no
 * lines to credit the whole invoice. What the invoice still owes is reduced first; the rest (money already paid) is
 * either refunded to the customer or kept as their credit balance, as {@code remainder} says.
 */
public record CreditNoteFields(@Size(max = 500) List<@NotNull @Valid LineFields> lines,
                               @Size(max = 500) String reason,
                               @Pattern(regexp = "refund|customer_credit", message = "refund or customer_credit")
                               String remainder) {

    public CreditNoteFields {
        lines = lines == null ? List.of() : List.copyOf(lines);
        remainder = remainder == null ? "customer_credit" : remainder;
    }
}
