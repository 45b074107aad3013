package io.billingnow.platform.billing.invoices;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** A tax rate on a line: percent 0–100, an EN 16931 category code (S, Z, E, AE, K, G, O, L, M). */
public record TaxRateFields(@Size(max = 64) String id, @NotBlank @Size(max = 100) String name,
                            @NotBlank @Size(max = 2) String category, @NotNull BigDecimal percent) {
}
