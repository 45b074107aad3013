package io.billingnow.platform.billing.invoices;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;

/** A discount: {@code {"type":"percent","percent":10}} or {@code {"type":"amount","amount":500}} (minor units). */
public record DiscountFields(@NotNull @Pattern(regexp = "percent|amount", message = "percent or amount") String type,
                             BigDecimal percent, Long amount) {
}
