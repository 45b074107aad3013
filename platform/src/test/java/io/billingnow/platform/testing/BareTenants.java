package io.billingnow.platform.testing;

import io.billingnow.platform.core.TenantId;
import org.jdbi.v3.core.Jdbi;

/**
 * Tenants as bare rows (no keys, default settings), for tests of the transaction and row-level-security machinery
 * that need a tenant to exist and nothing else. Feature tests create tenants through {@link TestPlatform}.
 */
public final class BareTenants {

    private BareTenants() {
    }

    public static void insert(Jdbi jdbi, TenantId... tenants) {
        for (TenantId tenant : tenants) {
            jdbi.useHandle(h -> h.createUpdate("""
                            INSERT INTO tenants (id, slug, name, country, default_currency, status, created_at,
                                                 updated_at)
                            VALUES (:id, :slug, 'T', 'DE', 'EUR', 'active', now(), now())""")
                    .bind("id", tenant.value())
                    .bind("slug", "t-" + tenant.value().toString().substring(0, 8))
                    .execute());
        }
    }
}
