package io.billingnow.platform.billing.invoices;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A draft invoice as a client creates or replaces it. */
public record InvoiceFields(
        @NotNull UUID customerId,
        @Pattern(regexp = "[A-Z]{3}", message = "an ISO 4217 currency code") String currency,
        @Pattern(regexp = "exclusive|inclusive", message = "exclusive or inclusive") String taxBehavior,
        LocalDate issueDate,
        LocalDate dueDate,
        @Size(max = 2000) String memo,
        @Valid DiscountFields discount,
        @Size(max = 500) List<@NotNull @Valid LineFields> lines,
        @Size(max = 50) Map<@Size(min = 1, max = 40) String, @Size(max = 500) String> metadata) {

    public InvoiceFields {
        lines = lines == null ? List.of() : List.copyOf(lines);
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        taxBehavior = taxBehavior == null ? "exclusive" : taxBehavior;
    }
}
