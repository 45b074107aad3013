package io.billingnow.platform.identity.auth;

import io.billingnow.platform.core.TenantId;
import io.billingnow.platform.core.TenantStatus;

/** A caller acting inside one tenant, with one role there. */
public record TenantCaller(TenantId tenant, TenantStatus tenantStatus, Role role, String actorType, String actorId)
        implements Caller {
}
