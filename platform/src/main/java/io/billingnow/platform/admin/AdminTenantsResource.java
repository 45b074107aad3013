package io.billingnow.platform.admin;

import io.billingnow.platform.core.errors.DomainException;
import com.fasterxml.jackson.databind.JsonNode;
import io.billingnow.platform.identity.auth.Callers;
import io.billingnow.platform.identity.auth.RequiresOperator;
import io.billingnow.platform.http.ETags;
import io.billingnow.platform.json.MergePatch;
import io.billingnow.platform.offboarding.OffboardingRequest;
import io.billingnow.platform.tenancy.Tenant;
import io.billingnow.platform.tenancy.TenantDefinition;
import io.billingnow.platform.core.TenantId;
import io.billingnow.platform.tenancy.TenantService;
import io.billingnow.platform.tenancy.Tenants;
import io.billingnow.platform.core.tx.PlatformTransactions;
import io.billingnow.platform.core.tx.TenantTransactions;
import io.billingnow.platform.core.TenantStatus;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.NotNull;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.UUID;

/** The operators' view of tenants. Operators manage tenants; they never see a tenant's secrets. */
@Path("/admin/v1/tenants")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class AdminTenantsResource {

    private static final int MAX_PAGE = 200;

    private final TenantService tenants;
    private final TenantTransactions tenantTx;
    private final PlatformTransactions platform;

    public AdminTenantsResource(TenantService tenants, TenantTransactions tenantTx, PlatformTransactions platform) {
        this.tenants = tenants;
        this.tenantTx = tenantTx;
        this.platform = platform;
    }

    public record TenantPage(List<Tenant> data, String nextCursor) {
    }

    @Operation(summary = "List tenants")
    @GET
    @RequiresOperator(readOnly = true)
    public TenantPage list(@QueryParam("status") String status, @QueryParam("cursor") String cursor,
                           @QueryParam("limit") @DefaultValue("50") int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw DomainException.invalid("/limit", "between 1 and " + MAX_PAGE);
        }
        TenantStatus filter = null;
        if (status != null) {
            try {
                filter = TenantStatus.fromWireName(status);
            } catch (IllegalArgumentException e) {
                throw DomainException.invalid("/status", "one of active, suspended, offboarded");
            }
        }
        List<Tenant> page = Tenants.page(platform, filter, cursor, limit + 1);
        boolean more = page.size() > limit;
        List<Tenant> data = more ? page.subList(0, limit) : page;
        return new TenantPage(data, more ? data.get(data.size() - 1).slug() : null);
    }

    @Operation(summary = "Get a tenant")
    @GET
    @Path("/{id}")
    @RequiresOperator(readOnly = true)
    public Tenant get(@PathParam("id") UUID id) {
        return Tenants.byId(platform, new TenantId(id)).orElseThrow(() -> DomainException.notFound("Tenant"));
    }

    /** Provisions a tenant; the body is a tenant definition, checked as a tenants-config file is (422 if not). */
    @Operation(summary = "Provision a tenant",
            description = "The body is a tenant definition, validated exactly as a tenants-config file is: 422 "
            + "invalid-tenant-definition with a pointer per field; 409 tenant-exists for a taken "
            + "slug.")
    @POST
    @RequiresOperator
    public Response provision(@Context SecurityContext security,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TenantDefinition.class))) @NotNull JsonNode definition) {
        TenantDefinition parsed = TenantDefinition.parse(definition);
        // A new tenant's first transaction is its own: the id is chosen here, before anything exists.
        Tenant created = tenantTx.write(TenantId.random(),
                tx -> tenants.provision(tx, parsed, Callers.operator(security)));
        return Response.status(201).entity(created).build();
    }

    /**
     * Changes the fields the JSON merge patch sends (RFC 7396) and keeps the others; {@code If-Match} must carry the
     * ETag of the version being changed. An invalid result is a 422, a field the tenant's tenants-config file owns a
     * 409 naming the file.
     */
    @Operation(summary = "Update a tenant's settings",
            description = "A JSON merge patch (RFC 7396): only the fields sent change. The result is validated as "
            + "a whole (422 invalid-tenant-definition); a field the tenant's tenants-config file owns "
            + "is refused with 409 tenant-managed-by-config naming the file.")
    @PATCH
    @Path("/{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @RequiresOperator
    public Tenant update(@Context SecurityContext security, @PathParam("id") UUID id,
                         @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(content = @Content(mediaType = MergePatch.MEDIA_TYPE,
                    schema = @Schema(implementation = TenantDefinition.class))) @NotNull JsonNode patch) {
        return tenantTx.write(new TenantId(id), tx -> tenants.patch(tx, patch, Callers.operator(security),
                version -> ETags.requireMatch(ifMatch, version)));
    }

    @Operation(summary = "Suspend a tenant",
            description = "A suspended tenant may read but not write (403 tenant-suspended).")
    @POST
    @Path("/{id}/suspend")
    @RequiresOperator
    public Tenant suspend(@Context SecurityContext security, @PathParam("id") UUID id) {
        return tenantTx.write(new TenantId(id), tx -> tenants.suspend(tx, Callers.operator(security)));
    }

    @Operation(summary = "Reactivate a suspended tenant")
    @POST
    @Path("/{id}/reactivate")
    @RequiresOperator
    public Tenant reactivate(@Context SecurityContext security, @PathParam("id") UUID id) {
        return tenantTx.write(new TenantId(id), tx -> tenants.reactivate(tx, Callers.operator(security)));
    }

    /**
     * Final: destroys the tenant's keys and erases the personal data no retention rule needs (docs/security.md,
     * "Offboarding"). Takes {@code If-Match} and {@code {"confirm": "<slug>"}}; export first ({@code GET …/export}).
     */
    @Operation(summary = "Offboard a tenant (irreversible)",
            description = "Destroys the tenant's keys (crypto-shredding) and erases the personal data no "
            + "retention rule needs (docs/security.md, Offboarding). Needs the body {\"confirm\": "
            + "\"<the tenant's slug>\"}; export the tenant first (GET /admin/v1/tenants/{id}/export).")
    @POST
    @Path("/{id}/offboard")
    @RequiresOperator
    public Tenant offboard(@Context SecurityContext security, @PathParam("id") UUID id,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull OffboardingRequest request) {
        return tenantTx.write(new TenantId(id), tx -> tenants.offboard(tx, Callers.operator(security),
                current -> request.check(current, ifMatch)));
    }
}
