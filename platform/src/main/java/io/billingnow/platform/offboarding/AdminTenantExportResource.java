package io.billingnow.platform.offboarding;

import io.billingnow.platform.core.errors.DomainException;
import io.billingnow.platform.identity.auth.Callers;
import io.billingnow.platform.identity.auth.RequiresOperator;
import io.billingnow.platform.tenancy.Tenant;
import io.billingnow.platform.core.TenantId;
import io.billingnow.platform.core.tx.PlatformTransactions;
import io.billingnow.platform.core.tx.TenantTransactions;
import io.billingnow.platform.tenancy.Tenants;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.UUID;

/**
 * {@code GET /admin/v1/tenants/{id}/export}: the tenant's records ({@link TenantExport}) as a streamed JSON download.
 * Operators only (it holds the tenants' customers' personal data, so not auditors), and audited in the tenant's trail.
 */
@Path("/admin/v1/tenants/{id}/export")
public final class AdminTenantExportResource {

    private final PlatformTransactions platform;
    private final TenantTransactions tenantTx;
    private final TenantExport export;

    public AdminTenantExportResource(PlatformTransactions platform, TenantTransactions tenantTx, TenantExport export) {
        this.platform = platform;
        this.tenantTx = tenantTx;
        this.export = export;
    }

    @Operation(summary = "Export a tenant's invoices and documents",
            description = "The tenant's invoices and documents as one JSON file, to keep for the retention period "
            + "before offboarding.")
    @GET
    @RequiresOperator
    @Produces(MediaType.APPLICATION_JSON)
    public Response export(@Context SecurityContext security, @PathParam("id") UUID id) {
        Tenant tenant = Tenants.byId(platform, new TenantId(id)).orElseThrow(() -> DomainException.notFound("Tenant"));
        tenantTx.perform(tenant.id(), tx -> export.recordExport(tx, tenant, Callers.operator(security)));
        // The records are read while they are written out, in one read transaction of their own.
        StreamingOutput body = out -> tenantTx.read(tenant.id(), tx -> {
            export.write(tx, tenant, out);
            return null;
        });
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + tenant.slug() + "-export.json\"")
                .build();
    }
}
