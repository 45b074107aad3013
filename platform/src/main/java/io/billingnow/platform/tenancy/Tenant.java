package io.billingnow.platform.tenancy;

import io.billingnow.platform.http.Versioned;
import java.time.Instant;

/** A business using BillingNow. */
public record Tenant(TenantId id, String slug, String name, String country, String defaultCurrency,
                     TenantStatus status, TenantSettings settings, Instant createdAt, Instant updatedAt,
                     int version) implements Versioned {

    public boolean acceptsWrites() {
        return status == TenantStatus.ACTIVE;
    }
}
