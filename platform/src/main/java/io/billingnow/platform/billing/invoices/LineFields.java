package io.billingnow.platform.billing.invoices;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/** One invoice line as a client sends it; {@code unitAmount} is in minor units. */
public record LineFields(@NotBlank @Size(max = 500) String description, @NotNull BigDecimal quantity,
                         @NotNull Long unitAmount, @Size(max = 10) List<@NotNull @Valid TaxRateFields> taxRates,
                         @Valid DiscountFields discount) {

    public LineFields {
        taxRates = taxRates == null ? List.of() : List.copyOf(taxRates);
    }
}
