package io.billingnow.platform.tenancy;

import io.billingnow.platform.core.TenantId;
import io.billingnow.platform.core.TenantStatus;
import io.billingnow.platform.core.Versioned;
import java.time.Instant;
import java.util.List;

/**
 * A business using BillingNow.
 *
 * @param managedBy     the tenants-config file that manages this tenant (e.g. {@code tenants-config/acme-gmbh.yml}),
 *                      or null when only the admin console does
 * @param managedFields the JSON pointers of the fields that file sets; the admin API refuses to change them
 */
public record Tenant(TenantId id, String slug, String name, String country, String defaultCurrency,
                     TenantStatus status, TenantSettings settings, String managedBy, List<String> managedFields,
                     Instant createdAt, Instant updatedAt, int version) implements Versioned {

    public Tenant {
        managedFields = managedFields == null ? List.of() : List.copyOf(managedFields);
    }

    public boolean acceptsWrites() {
        return status == TenantStatus.ACTIVE;
    }
}
