package io.billingnow.platform.billing.customers;

import io.billingnow.platform.core.TaxIds;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * What a client sends to create a customer, and what an update's merge patch is applied to. How a patch's
 * {@code taxId} is read (absent, masked, null, a value) is decided from the patch itself in
 * {@link CustomerService#update}: the current fields never hold the stored tax id.
 */
public record CustomerFields(
        @NotBlank @Size(max = 200) String name,
        @Email @Size(max = 254) String email,
        @Valid Address address,
        @Pattern(regexp = "[A-Z]{2}", message = "an ISO 3166-1 alpha-2 country code") String country,
        @Size(max = TaxIds.MAX_LENGTH) @Pattern(regexp = "(\\*{4})?" + TaxIds.CHARACTERS,
                message = TaxIds.MESSAGE) String taxId,
        @Pattern(regexp = "[A-Z]{3}", message = "an ISO 4217 currency code") String preferredCurrency,
        @Pattern(regexp = "[a-z]{2}", message = "an ISO 639-1 language code BillingNow speaks") String preferredLanguage,
        @Size(max = 50) Map<@Size(min = 1, max = 40) String, @Size(max = 500) String> metadata) {

    public CustomerFields {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }
}
