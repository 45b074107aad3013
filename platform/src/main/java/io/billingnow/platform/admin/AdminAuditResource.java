package io.billingnow.platform.admin;

import io.billingnow.platform.core.errors.DomainException;
import io.billingnow.platform.audit.AuditChainVerifier;
import io.billingnow.platform.audit.AuditTrail;
import io.billingnow.platform.identity.auth.RequiresOperator;
import io.billingnow.platform.core.TenantId;
import io.billingnow.platform.core.tx.PlatformTransactions;
import io.billingnow.platform.tenancy.Tenants;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

/** The operators' view of any tenant's audit trail, and an on-demand check of its hash chain. */
@Path("/admin/v1/tenants/{id}/audit-events")
@Produces(MediaType.APPLICATION_JSON)
public final class AdminAuditResource {

    private final PlatformTransactions platform;
    private final AuditTrail trail;
    private final AuditChainVerifier verifier;

    public AdminAuditResource(PlatformTransactions platform, AuditTrail trail, AuditChainVerifier verifier) {
        this.platform = platform;
        this.trail = trail;
        this.verifier = verifier;
    }

    /** The outcome of a verification; {@code brokenSeq} and {@code problem} are null when the chain is intact. */
    public record Verification(TenantId tenantId, boolean intact, long entriesChecked, Long brokenSeq,
                               String problem) {
    }

    @Operation(summary = "List a tenant's audit events")
    @GET
    @RequiresOperator(readOnly = true)
    public AuditTrail.Page list(@PathParam("id") UUID id, @QueryParam("entityType") String entityType,
                                @QueryParam("entityId") String entityId, @QueryParam("cursor") String cursor,
                                @QueryParam("limit") @DefaultValue("50") int limit) {
        TenantId tenant = existing(id);
        return trail.page(tenant, AuditTrail.EntityFilter.of(entityType, entityId), cursor, limit);
    }

    /** Changes nothing, so auditors may run it too. */
    @Operation(summary = "Verify a tenant's audit chain",
            description = "Checks the hash chain of the tenant's audit log and reports the first break, if any. "
            + "Changes nothing, so read-only operators (auditors) may run it.")
    @POST
    @Path("/verify")
    @RequiresOperator(readOnly = true)
    public Verification verify(@PathParam("id") UUID id) {
        TenantId tenant = existing(id);
        AuditChainVerifier.Result result = verifier.verify(tenant);
        return new Verification(tenant, result.intact(), result.entriesChecked(), result.brokenSeq(),
                result.problem());
    }

    private TenantId existing(UUID id) {
        TenantId tenant = new TenantId(id);
        // The audit tables would answer an unknown tenant with an empty, "intact" chain: say it does not exist.
        Tenants.byId(platform, tenant).orElseThrow(() -> DomainException.notFound("Tenant"));
        return tenant;
    }
}
