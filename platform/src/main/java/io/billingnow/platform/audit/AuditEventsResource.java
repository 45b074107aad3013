package io.billingnow.platform.audit;

import io.billingnow.platform.identity.auth.Callers;
import io.billingnow.platform.identity.auth.Permission;
import io.billingnow.platform.identity.auth.RequiresPermission;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/** A tenant's own audit trail. */
@Path("/v1/audit-events")
@Produces(MediaType.APPLICATION_JSON)
public final class AuditEventsResource {

    private final AuditTrail trail;

    public AuditEventsResource(AuditTrail trail) {
        this.trail = trail;
    }

    @Operation(summary = "List the tenant's audit events",
            description = "In the order of the tamper-evident audit chain; paginated with cursor and limit.")
    @GET
    @RequiresPermission(Permission.AUDIT_READ)
    public AuditTrail.Page list(@Context SecurityContext security, @QueryParam("entityType") String entityType,
                                @QueryParam("entityId") String entityId, @QueryParam("cursor") String cursor,
                                @QueryParam("limit") @DefaultValue("50") int limit) {
        return trail.page(Callers.tenant(security).tenant(), AuditTrail.EntityFilter.of(entityType, entityId), cursor,
                limit);
    }
}
