package io.billingnow.platform.core.tx;

import io.billingnow.platform.db.Databases;
import io.billingnow.platform.core.TenantId;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Runs work in a transaction that belongs to exactly one tenant.
 *
 * <p>Each transaction first sets {@code billingnow.tenant_id} with {@code set_config(..., true)} (transaction-local,
 * so a pooled connection never carries a tenant into the next transaction). Every tenant table has a FORCEd
 * row-level-security policy on that setting, and the application connects as a role that owns none of the tables.
 * Read transactions are also declared READ ONLY so PostgreSQL refuses a write that slipped into a read path.
 *
 * <p>Transactions run at READ COMMITTED, PostgreSQL's default, which {@link Databases#requireReadCommitted} checks at
 * startup. The level is not requested per transaction: with the JDBC driver that costs three round trips (Jdbi reads
 * the connection's level before and after, and pgjdbc reads it with a query each time).
 */
public final class TenantTransactions {

    private final Jdbi jdbi;
    private final ThreadBoundDaos daos;

    public TenantTransactions(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.daos = new ThreadBoundDaos(jdbi);
    }

    public <R> R read(TenantId tenant, TenantWork<R> work) {
        return run(tenant, work, true);
    }

    public <R> R write(TenantId tenant, TenantWork<R> work) {
        return run(tenant, work, false);
    }

    /** {@link #write} for work that answers nothing (a delete, a revocation). */
    public void perform(TenantId tenant, java.util.function.Consumer<TenantHandle> work) {
        run(tenant, tx -> {
            work.accept(tx);
            return null;
        }, false);
    }

    /**
     * Like {@link #read}, but always on a new connection in a transaction of its own. Jdbi joins the transaction
     * already open on the calling thread, so a plain {@code read} nested in a {@code write} would run inside it (and
     * its SET TRANSACTION READ ONLY would turn the outer transaction read-only). For bookkeeping that must stand on
     * its own whatever the caller is doing, such as loading a tenant's data key.
     */
    public <R> R readSeparately(TenantId tenant, TenantWork<R> work) {
        return separately(tenant, work, true);
    }

    /** Like {@link #write}, on a new connection in a transaction of its own that commits whatever the caller does. */
    public <R> R writeSeparately(TenantId tenant, TenantWork<R> work) {
        return separately(tenant, work, false);
    }

    private <R> R separately(TenantId tenant, TenantWork<R> work, boolean readOnly) {
        List<Runnable> afterCommit = new ArrayList<>();
        R result;
        try (Handle handle = jdbi.open()) {
            result = handle.inTransaction(h -> begin(h, tenant, work, readOnly, afterCommit));
        }
        afterCommit.forEach(Runnable::run);
        return result;
    }

    /** The first statement of every tenant transaction, then the work on a handle bound to this thread. */
    private <R> R begin(Handle handle, TenantId tenant, TenantWork<R> work, boolean readOnly,
                        List<Runnable> afterCommit) {
        bindTenant(handle, tenant, readOnly);
        return daos.bind(handle, () -> work.run(new TenantHandle(tenant, handle, readOnly, daos, afterCommit)));
    }

    /**
     * Jdbi joins a transaction already open on this thread. Joining is safe only for the same tenant, and only if it
     * does not narrow the outer transaction: a nested call for another tenant would switch the tenant of the
     * transaction it joins, so it is refused outright.
     */
    private <R> R run(TenantId tenant, TenantWork<R> work, boolean readOnly) {
        Active outer = ACTIVE.get();
        if (outer != null) {
            if (!outer.tenant().equals(tenant)) {
                throw new IllegalStateException("a transaction for another tenant is already open on this thread; "
                        + "use readSeparately/writeSeparately for independent work");
            }
            if (outer.readOnly() && !readOnly) {
                throw new IllegalStateException("cannot write inside a read-only tenant transaction");
            }
            return jdbi.inTransaction(handle -> daos.bind(handle,
                    () -> work.run(new TenantHandle(tenant, handle, outer.readOnly(), daos, outer.afterCommit()))));
        }
        List<Runnable> afterCommit = new ArrayList<>();
        ACTIVE.set(new Active(tenant, readOnly, afterCommit));
        R result;
        try {
            result = jdbi.inTransaction(handle -> begin(handle, tenant, work, readOnly, afterCommit));
        } finally {
            ACTIVE.remove();
        }
        // Committed, connection released and nothing open on this thread: the follow-up work runs on its own.
        afterCommit.forEach(Runnable::run);
        return result;
    }

    private record Active(TenantId tenant, boolean readOnly, List<Runnable> afterCommit) {
    }

    private static final ThreadLocal<Active> ACTIVE = new ThreadLocal<>();

    /**
     * One round trip: the tenant for row-level security and, for reads, {@code transaction_read_only} (what
     * {@code SET TRANSACTION READ ONLY} sets; turning it on is allowed at any point of a transaction). Both are
     * transaction-local, so a pooled connection never carries them into the next transaction.
     */
    static void bindTenant(Handle handle, TenantId tenant, boolean readOnly) {
        handle.createQuery(readOnly ? BIND_TENANT_READ_ONLY : BIND_TENANT)
                .bind("tenant", tenant.value().toString())
                .mapTo(String.class)
                .one();
    }

    private static final String BIND_TENANT = "SELECT set_config('billingnow.tenant_id', :tenant, true)";
    private static final String BIND_TENANT_READ_ONLY = "SELECT set_config('billingnow.tenant_id', :tenant, true),"
            + " set_config('transaction_read_only', 'on', true)";
}
