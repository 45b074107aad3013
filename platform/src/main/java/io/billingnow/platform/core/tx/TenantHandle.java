package io.billingnow.platform.core.tx;

import io.billingnow.platform.core.TenantId;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * A database handle bound to one tenant for the length of one transaction. It is the only way to obtain a tenant
 * DAO, and PostgreSQL row-level security has already been told which tenant this transaction belongs to, so a query
 * that forgets its tenant filter still sees nothing of another tenant.
 */
public final class TenantHandle {

    private final TenantId tenant;
    private final Handle handle;
    private final boolean readOnly;
    private final ThreadBoundDaos daos;
    private final List<Runnable> afterCommit;

    TenantHandle(TenantId tenant, Handle handle, boolean readOnly, ThreadBoundDaos daos, List<Runnable> afterCommit) {
        this.tenant = tenant;
        this.handle = handle;
        this.readOnly = readOnly;
        this.daos = daos;
        this.afterCommit = afterCommit;
    }

    public TenantId tenant() {
        return tenant;
    }

    public boolean readOnly() {
        return readOnly;
    }

    /**
     * A SqlObject DAO on this transaction; every one of its methods takes the tenant as an argument. Use it inside
     * the transaction only: its calls run on the transaction open on the calling thread, and fail when there is none.
     */
    public <T> T dao(Class<T> daoType) {
        return daos.dao(handle, daoType);
    }

    /**
     * Work that must follow this transaction but not belong to it (ending sessions in the platform's tables, say):
     * it runs once the outermost tenant transaction has committed and released its connection, in the order
     * registered, and not at all if it rolls back. A service registers it, so the caller that owns the transaction
     * cannot forget it.
     */
    public void afterCommit(Runnable work) {
        afterCommit.add(work);
    }

    /** The raw handle, for the few statements that are clearer written fluently. Scoped like everything else. */
    public Handle handle() {
        return handle;
    }
}
