package io.billingnow.platform.tenancy.config;

import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The advisory lock that lets one node at a time apply the tenants-config folder. It is a session lock, held on the
 * connection this DAO is attached to while the reconciler's own tenant transactions run on others.
 */
interface TenantsConfigLockDao {

    String KEY = "hashtext('billingnow.tenants-config')";

    /** Waits until no other node holds the lock, then holds it (pg_advisory_lock returns void: 1 stands in). */
    @SqlQuery("SELECT 1 FROM (SELECT pg_advisory_lock(" + KEY + ")) AS acquired")
    int acquire();

    @SqlQuery("SELECT pg_advisory_unlock(" + KEY + ")")
    boolean release();
}
