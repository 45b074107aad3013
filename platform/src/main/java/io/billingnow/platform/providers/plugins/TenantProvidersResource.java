package io.billingnow.platform.providers.plugins;

import io.billingnow.platform.core.errors.DomainException;
import io.billingnow.platform.identity.auth.Callers;
import io.billingnow.platform.identity.auth.RequiresOperator;
import io.billingnow.platform.json.MergePatch;
import io.billingnow.platform.tenancy.Tenant;
import io.billingnow.platform.core.TenantId;
import io.billingnow.platform.tenancy.TenantService;
import io.billingnow.platform.tenancy.Tenants;
import io.billingnow.platform.core.tx.PlatformTransactions;
import io.billingnow.platform.core.tx.TenantTransactions;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.UUID;

/**
 * Which payment providers a tenant may use ({@code enabledProviders} in its settings). Its own root path: JAX-RS picks
 * one root resource per request, and the admin tenants resource would otherwise claim these URLs.
 */
@Path("/admin/v1/tenants/{id}/providers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class TenantProvidersResource {

    private final PluginHost host;
    private final TenantService tenants;
    private final TenantTransactions tenantTx;
    private final PlatformTransactions platform;

    public TenantProvidersResource(PluginHost host, TenantService tenants, TenantTransactions tenantTx,
                                   PlatformTransactions platform) {
        this.host = host;
        this.tenants = tenants;
        this.tenantTx = tenantTx;
        this.platform = platform;
    }

    public record ProviderToggle(Boolean enabled) {
    }

    public record TenantProviders(UUID tenantId, List<String> enabledProviders) {
    }

    /** A JSON merge patch of the provider's state for the tenant: {@code {"enabled": true|false}}. */
    @Operation(summary = "Enable or disable a payment provider for a tenant",
            description = "A JSON merge patch: {\"enabled\": true|false}.")
    @PATCH
    @Path("/{providerId}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @RequiresOperator
    public TenantProviders toggle(@Context SecurityContext security, @PathParam("id") UUID id,
                                  @PathParam("providerId") String providerId, @NotNull ProviderToggle toggle) {
        if (toggle.enabled() == null) {
            // Nothing sent, nothing changed (RFC 7396); a null "enabled" cannot mean anything else either.
            Tenant tenant = Tenants.byId(platform, new TenantId(id))
                    .orElseThrow(() -> DomainException.notFound("Tenant"));
            return new TenantProviders(id, tenant.settings().enabledProviders());
        }
        if (toggle.enabled() && host.provider(providerId).isEmpty()) {
            throw DomainException.notFound("Payment provider");
        }
        Tenant updated = tenantTx.write(new TenantId(id),
                tx -> tenants.enableProvider(tx, providerId, toggle.enabled(), Callers.operator(security)));
        return new TenantProviders(id, updated.settings().enabledProviders());
    }
}
