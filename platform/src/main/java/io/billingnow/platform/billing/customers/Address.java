package io.billingnow.platform.billing.customers;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A postal address as invoices print it. */
public record Address(@Size(max = 200) String line1, @Size(max = 200) String line2, @Size(max = 100) String city,
                      @Size(max = 20) String postalCode, @Size(max = 100) String region,
                      @Pattern(regexp = "[A-Z]{2}", message = "an ISO 3166-1 alpha-2 country code") String country) {
}
