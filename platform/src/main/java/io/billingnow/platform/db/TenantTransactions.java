package io.billingnow.platform.db;

import io.billingnow.platform.tenancy.TenantId;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * Runs work in a transaction that belongs to exactly one tenant.
 *
 * <p>Each transaction first sets {@code billingnow.tenant_id} with {@code set_config(..., true)} (transaction-local,
 * so a pooled connection never carries a tenant into the next transaction). Every tenant table has a FORCEd
 * row-level-security policy on that setting, and the application connects as a role that owns none of the tables.
 * Read transactions are also declared READ ONLY so PostgreSQL refuses a write that slipped into a read path.
 */
public final class TenantTransactions {

    private final Jdbi jdbi;

    public TenantTransactions(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public <R> R read(TenantId tenant, TenantWork<R> work) {
        return run(tenant, work, true, TransactionIsolationLevel.READ_COMMITTED);
    }

    public <R> R write(TenantId tenant, TenantWork<R> work) {
        return run(tenant, work, false, TransactionIsolationLevel.READ_COMMITTED);
    }

    /**
     * Like {@link #read}, but always on a new connection in a transaction of its own. Jdbi joins the transaction
     * already open on the calling thread, so a plain {@code read} nested in a {@code write} would run inside it (and
     * its SET TRANSACTION READ ONLY would turn the outer transaction read-only). For bookkeeping that must stand on
     * its own whatever the caller is doing, such as loading a tenant's data key.
     */
    public <R> R readSeparately(TenantId tenant, TenantWork<R> work) {
        try (Handle handle = jdbi.open()) {
            return inTransaction(handle, tenant, work, true, TransactionIsolationLevel.READ_COMMITTED);
        }
    }

    /** Like {@link #write}, on a new connection in a transaction of its own that commits whatever the caller does. */
    public <R> R writeSeparately(TenantId tenant, TenantWork<R> work) {
        try (Handle handle = jdbi.open()) {
            return inTransaction(handle, tenant, work, false, TransactionIsolationLevel.READ_COMMITTED);
        }
    }

    private static <R> R inTransaction(Handle handle, TenantId tenant, TenantWork<R> work, boolean readOnly,
                                       TransactionIsolationLevel isolation) {
        return handle.inTransaction(isolation, h -> {
            if (readOnly) {
                h.execute("SET TRANSACTION READ ONLY");
            }
            bindTenant(h, tenant);
            return work.run(new TenantHandle(tenant, h, readOnly));
        });
    }

    /**
     * Jdbi joins a transaction already open on this thread. Joining is safe only for the same tenant, and only if it
     * does not narrow the outer transaction: a nested call for another tenant would switch the tenant of the
     * transaction it joins, so it is refused outright.
     */
    private <R> R run(TenantId tenant, TenantWork<R> work, boolean readOnly, TransactionIsolationLevel isolation) {
        Active outer = ACTIVE.get();
        if (outer != null) {
            if (!outer.tenant().equals(tenant)) {
                throw new IllegalStateException("a transaction for another tenant is already open on this thread; "
                        + "use readSeparately/writeSeparately for independent work");
            }
            if (outer.readOnly() && !readOnly) {
                throw new IllegalStateException("cannot write inside a read-only tenant transaction");
            }
            return jdbi.inTransaction(isolation, handle -> work.run(new TenantHandle(tenant, handle, outer.readOnly())));
        }
        ACTIVE.set(new Active(tenant, readOnly));
        try {
            return jdbi.inTransaction(isolation, handle -> {
                if (readOnly) {
                    handle.execute("SET TRANSACTION READ ONLY");
                }
                bindTenant(handle, tenant);
                return work.run(new TenantHandle(tenant, handle, readOnly));
            });
        } finally {
            ACTIVE.remove();
        }
    }

    private record Active(TenantId tenant, boolean readOnly) {
    }

    private static final ThreadLocal<Active> ACTIVE = new ThreadLocal<>();

    static void bindTenant(Handle handle, TenantId tenant) {
        handle.createQuery("SELECT set_config('billingnow.tenant_id', :tenant, true)")
                .bind("tenant", tenant.value().toString())
                .mapTo(String.class)
                .one();
    }
}
