package io.billingnow.platform.plugins;

import io.billingnow.platform.auth.Callers;
import io.billingnow.platform.auth.RequiresOperator;
import io.billingnow.platform.http.ApiException;
import io.billingnow.platform.tenancy.Tenant;
import io.billingnow.platform.tenancy.TenantDefinition;
import io.billingnow.platform.tenancy.TenantId;
import io.billingnow.platform.tenancy.TenantService;
import io.billingnow.platform.tenancy.TenantSettings;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.ArrayList;
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

    public record ProviderToggle(@NotNull Boolean enabled) {
    }

    public record TenantProviders(UUID tenantId, List<String> enabledProviders) {
    }

    @PUT
    @Path("/{providerId}")
    @RequiresOperator
    public TenantProviders toggle(@Context SecurityContext security, @PathParam("id") UUID id,
                                  @PathParam("providerId") String providerId, @NotNull ProviderToggle toggle) {
        if (toggle.enabled() == null) {
            throw ApiException.invalid("/enabled", "required");
        }
        if (toggle.enabled() && host.provider(providerId).isEmpty()) {
            throw ApiException.notFound("Payment provider");
        }
        TenantId tenantId = new TenantId(id);
        Tenant tenant = tenants.find(tenantId).orElseThrow(() -> ApiException.notFound("Tenant"));
        TenantSettings s = tenant.settings();
        List<String> enabled = new ArrayList<>(s.enabledProviders());
        enabled.remove(providerId);
        if (toggle.enabled()) {
            enabled.add(providerId);
        }
        TenantSettings changed = new TenantSettings(s.invoiceNumberFormat(), s.creditNoteNumberFormat(),
                s.paymentTermsDays(), s.paymentLinkMaxDays(), enabled, s.seller());
        Tenant updated = tenants.update(tenantId, new TenantDefinition(tenant.slug(), tenant.name(), tenant.country(),
                tenant.defaultCurrency(), changed), Callers.operator(security));
        return new TenantProviders(id, updated.settings().enabledProviders());
    }
}
