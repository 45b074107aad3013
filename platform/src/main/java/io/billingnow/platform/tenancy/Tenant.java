package io.billingnow.platform.tenancy;

import java.time.Instant;

/** A business using BillingNow. */
public record Tenant(TenantId id, String slug, String name, String country, String defaultCurrency,
                     TenantStatus status, TenantSettings settings, Instant createdAt, Instant updatedAt,
                     int version) {

    public boolean acceptsWrites() {
        return status == TenantStatus.ACTIVE;
    }
}
