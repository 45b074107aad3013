package io.billingnow.platform.tenancy;

import io.billingnow.platform.core.tx.TenantHandle;

/**
 * Lets other features react to a tenant's lifecycle inside the same transaction (for instance, destroying the
 * tenant's keys when it is offboarded). A listener that throws rolls the whole change back.
 */
public interface TenantLifecycleListener {

    default void provisioned(TenantHandle tx, Tenant tenant) {
    }

    default void offboarded(TenantHandle tx, Tenant tenant) {
    }
}
