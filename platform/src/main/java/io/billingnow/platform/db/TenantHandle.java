package io.billingnow.platform.db;

import io.billingnow.platform.tenancy.TenantId;
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

    TenantHandle(TenantId tenant, Handle handle, boolean readOnly) {
        this.tenant = tenant;
        this.handle = handle;
        this.readOnly = readOnly;
    }

    public TenantId tenant() {
        return tenant;
    }

    public boolean readOnly() {
        return readOnly;
    }

    /** A SqlObject DAO on this transaction; every one of its methods takes the tenant as an argument. */
    public <T> T dao(Class<T> daoType) {
        return handle.attach(daoType);
    }

    /** The raw handle, for the few statements that are clearer written fluently. Scoped like everything else. */
    public Handle handle() {
        return handle;
    }
}
