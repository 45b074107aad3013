package io.billingnow.platform.billing.customers;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A tenant's customer as the API shows it. */
public record Customer(UUID id, String name, String email, Address address, String country, String taxId,
                       String preferredCurrency, String preferredLanguage, Map<String, String> metadata, Instant createdAt, Instant updatedAt,
                       int version) {

    public Customer withTaxId(String shownTaxId) {
        return new Customer(id, name, email, address, country, shownTaxId, preferredCurrency, preferredLanguage, metadata, createdAt,
                updatedAt, version);
    }
}
