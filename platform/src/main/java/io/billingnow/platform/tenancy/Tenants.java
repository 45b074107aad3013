package io.billingnow.platform.tenancy;

import io.billingnow.platform.core.TenantId;
import io.billingnow.platform.core.TenantStatus;
import io.billingnow.platform.core.tx.PlatformTransactions;
import io.billingnow.platform.core.tx.TenantHandle;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * What other features read of tenants. The {@link TenantDao} stays this package's own, so a change to the tenants
 * table is made here and nowhere else. The registry is a platform table (it belongs to no tenant): outside a tenant
 * transaction it is read in one platform transaction per call, the exception CONTRIBUTING.md allows a store of
 * platform tables.
 */
public final class Tenants {

    private Tenants() {
    }

    /** The tenant a tenant transaction is bound to. */
    public static Tenant current(TenantHandle tx) {
        return tx.dao(TenantDao.class).byId(tx.tenant().value()).orElseThrow();
    }

    /** The tenant, locked until the transaction ends, so its status cannot change under the caller. */
    public static Optional<Tenant> lock(TenantHandle tx, TenantId id) {
        return tx.dao(TenantDao.class).lockById(id.value());
    }

    public static Optional<Tenant> byId(PlatformTransactions platform, TenantId id) {
        return platform.withDao(TenantDao.class, dao -> dao.byId(id.value()));
    }

    public static Optional<Tenant> bySlug(PlatformTransactions platform, String slug) {
        return platform.withDao(TenantDao.class, dao -> dao.bySlug(slug));
    }

    /** By id when the reference is one, else by slug: how a caller may name a tenant. */
    public static Optional<Tenant> byReference(PlatformTransactions platform, String reference) {
        return platform.withDao(TenantDao.class, dao -> {
            try {
                return dao.byId(UUID.fromString(reference));
            } catch (IllegalArgumentException notAnId) {
                return dao.bySlug(reference);
            }
        });
    }

    /** The active tenants' ids, for work that spans tenants (dev sign-in makes the developer own each). */
    public static List<TenantId> activeIds(PlatformTransactions platform) {
        return platform.withDao(TenantDao.class, TenantDao::activeIds).stream().map(TenantId::new).toList();
    }

    /** Tenants of one status (null: every status), by slug after {@code afterSlug} (null: from the first). */
    public static List<Tenant> page(PlatformTransactions platform, TenantStatus status, String afterSlug, int limit) {
        return platform.withDao(TenantDao.class, dao -> dao.page(status == null ? null : status.wireName(),
                afterSlug == null ? "" : afterSlug, limit));
    }

    /** Tenants of every status, by slug after {@code afterSlug}. */
    public static List<Tenant> page(PlatformTransactions platform, String afterSlug, int limit) {
        return platform.withDao(TenantDao.class, dao -> dao.page(null, afterSlug, limit));
    }

    public static List<Tenant> page(Jdbi jdbi, String afterSlug, int limit) {
        return jdbi.withExtension(TenantDao.class, dao -> dao.page(null, afterSlug, limit));
    }
}
