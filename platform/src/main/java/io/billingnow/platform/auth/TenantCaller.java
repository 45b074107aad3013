package io.billingnow.platform.auth;

import io.billingnow.platform.tenancy.TenantId;
import io.billingnow.platform.tenancy.TenantStatus;

/** A caller acting inside one tenant, with one role there. */
public record TenantCaller(TenantId tenant, TenantStatus tenantStatus, Role role, String actorType, String actorId)
        implements Caller {
}
