package io.billingnow.platform.providers.accounts;

import io.billingnow.platform.core.errors.DomainException;
import io.billingnow.platform.identity.auth.Callers;
import io.billingnow.platform.identity.auth.Permission;
import io.billingnow.platform.identity.auth.RequiresPermission;
import io.billingnow.platform.identity.auth.TenantCaller;
import io.billingnow.platform.core.tx.TenantTransactions;
import io.billingnow.platform.providers.plugins.LoadedProvider;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A tenant's payment-provider accounts. Credentials go in and never come out; only hints are shown. */
@Path("/v1/provider-accounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class ProviderAccountsResource {

    private final TenantTransactions transactions;
    private final ProviderAccountService accounts;

    public ProviderAccountsResource(TenantTransactions transactions, ProviderAccountService accounts) {
        this.transactions = transactions;
        this.accounts = accounts;
    }

    @Operation(summary = "Connect a payment provider account",
            description = "Stores the seller's provider credentials encrypted; they are never returned. The "
            + "provider must be installed (422 provider-not-installed) and enabled for the tenant "
            + "(422 provider-not-enabled).")
    @POST
    @RequiresPermission(Permission.PROVIDER_ACCOUNTS_MANAGE)
    public Response create(@Context SecurityContext security, @NotNull ProviderAccountFields fields) {
        TenantCaller caller = Callers.tenant(security);
        if (fields.providerId() == null || fields.providerId().isBlank()) {
            throw DomainException.invalid("/providerId", "required");
        }
        LoadedProvider provider = accounts.usableProvider(caller.tenant(), fields.providerId());
        ProviderAccount created = transactions.write(caller.tenant(),
                tx -> accounts.create(tx, provider, fields, caller));
        return Response.status(201).entity(created).build();
    }

    @Operation(summary = "List provider accounts",
            description = "Without credentials.")
    @GET
    @RequiresPermission(Permission.PROVIDER_ACCOUNTS_MANAGE)
    public Map<String, List<ProviderAccount>> list(@Context SecurityContext security) {
        TenantCaller caller = Callers.tenant(security);
        return Map.of("data", transactions.read(caller.tenant(), accounts::list));
    }

    @Operation(summary = "Get a provider account",
            description = "Without credentials.")
    @GET
    @Path("/{id}")
    @RequiresPermission(Permission.PROVIDER_ACCOUNTS_MANAGE)
    public ProviderAccount get(@Context SecurityContext security, @PathParam("id") UUID id) {
        TenantCaller caller = Callers.tenant(security);
        return transactions.read(caller.tenant(), tx -> accounts.get(tx, id));
    }

    @Operation(summary = "Disconnect a provider account",
            description = "Its credentials are deleted; payment links using it stop working.")
    @DELETE
    @Path("/{id}")
    @RequiresPermission(Permission.PROVIDER_ACCOUNTS_MANAGE)
    public Response delete(@Context SecurityContext security, @PathParam("id") UUID id) {
        TenantCaller caller = Callers.tenant(security);
        transactions.perform(caller.tenant(), tx -> accounts.delete(tx, id, caller));
        return Response.noContent().build();
    }

    /**
     * @param secret                         the new signing secret
     * @param previousSecretsValidForSeconds how long the secrets accepted so far stay accepted (default 24 h)
     */
    public record NewWebhookSecret(String secret, Long previousSecretsValidForSeconds) {
    }

    @Operation(summary = "Add a webhook signing secret",
            description = "For rotating the provider's webhook secret: the new secret is accepted alongside the "
            + "old ones until they are retired.")
    @POST
    @Path("/{id}/webhook-secrets")
    @RequiresPermission(Permission.PROVIDER_ACCOUNTS_MANAGE)
    public Response addWebhookSecret(@Context SecurityContext security, @PathParam("id") UUID id,
                                     @NotNull NewWebhookSecret body) {
        TenantCaller caller = Callers.tenant(security);
        Duration overlap = body.previousSecretsValidForSeconds() == null
                ? ProviderAccountService.DEFAULT_SECRET_OVERLAP
                : Duration.ofSeconds(body.previousSecretsValidForSeconds());
        ProviderAccount account = transactions.write(caller.tenant(),
                tx -> accounts.addWebhookSecret(tx, id, body.secret(), overlap, caller));
        return Response.status(201).entity(account).build();
    }

    /** Stops accepting one webhook secret now, ahead of its scheduled retirement. */
    @Operation(summary = "Retire a webhook signing secret",
            description = "Stops accepting this secret now, ahead of its scheduled retirement; the last secret "
            + "cannot be retired (409 last-webhook-secret).")
    @DELETE
    @Path("/{id}/webhook-secrets/{secretId}")
    @RequiresPermission(Permission.PROVIDER_ACCOUNTS_MANAGE)
    public ProviderAccount retireWebhookSecret(@Context SecurityContext security, @PathParam("id") UUID id,
                                               @PathParam("secretId") UUID secretId) {
        TenantCaller caller = Callers.tenant(security);
        return transactions.write(caller.tenant(), tx -> accounts.retireWebhookSecret(tx, id, secretId, caller));
    }
}
