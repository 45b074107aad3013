package io.billingnow.platform.providers.plugins;

import io.billingnow.platform.core.errors.DomainException;
import io.billingnow.platform.identity.auth.Callers;
import io.billingnow.platform.identity.auth.RequiresOperator;
import io.billingnow.platform.json.MergePatch;
import io.billingnow.platform.tenancy.Tenant;
import io.billingnow.platform.core.TenantId;
import io.billingnow.platform.tenancy.TenantService;
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

    public TenantProvidersResource(PluginHost host, TenantService tenants) {
        this.host = host;
        this.tenants = tenants;
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
            Tenant tenant = tenants.find(new TenantId(id)).orElseThrow(() -> DomainException.notFound("Tenant"));
            return new TenantProviders(id, tenant.settings().enabledProviders());
        }
        if (toggle.enabled() && host.provider(providerId).isEmpty()) {
            throw DomainException.notFound("Payment provider");
        }
        Tenant updated = tenants.enableProvider(new TenantId(id), providerId, toggle.enabled(),
                Callers.operator(security));
        return new TenantProviders(id, updated.settings().enabledProviders());
    }
}
