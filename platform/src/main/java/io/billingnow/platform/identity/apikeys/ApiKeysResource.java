package io.billingnow.platform.identity.apikeys;

import io.billingnow.platform.identity.auth.Callers;
import io.billingnow.platform.identity.auth.Permission;
import io.billingnow.platform.identity.auth.RequiresPermission;
import io.billingnow.platform.identity.auth.Role;
import io.billingnow.platform.identity.auth.TenantCaller;
import io.billingnow.platform.core.tx.TenantTransactions;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/v1/api-keys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class ApiKeysResource {

    private final TenantTransactions transactions;
    private final ApiKeyService keys;

    public ApiKeysResource(TenantTransactions transactions, ApiKeyService keys) {
        this.transactions = transactions;
        this.keys = keys;
    }

    public record CreateApiKey(@NotBlank @Size(max = 200) String name, @NotNull String role, Instant expiresAt) {
    }

    /** The creation response is the only one that ever contains the secret. */
    public record CreatedApiKey(ApiKey key, String secret) {
    }

    @Operation(summary = "Create an API key",
            description = "The key's secret is in this response only; store it then.")
    @POST
    @RequiresPermission(Permission.API_KEYS_MANAGE)
    public Response create(@Context SecurityContext security, @NotNull @Valid CreateApiKey request) {
        TenantCaller caller = Callers.tenant(security);
        Role role = Role.fromInput(request.role());
        var issued = transactions.write(caller.tenant(),
                tx -> keys.create(tx, caller, request.name(), role, request.expiresAt()));
        return Response.status(201).entity(new CreatedApiKey(issued.key(), issued.secret())).build();
    }

    @Operation(summary = "List API keys",
            description = "Their ids, roles and metadata, never the secrets.")
    @GET
    @RequiresPermission(Permission.API_KEYS_MANAGE)
    public Map<String, List<ApiKey>> list(@Context SecurityContext security) {
        TenantCaller caller = Callers.tenant(security);
        return Map.of("data", transactions.read(caller.tenant(), keys::list));
    }

    @Operation(summary = "Revoke an API key")
    @DELETE
    @Path("/{id}")
    @RequiresPermission(Permission.API_KEYS_MANAGE)
    public ApiKey revoke(@Context SecurityContext security, @PathParam("id") UUID id) {
        TenantCaller caller = Callers.tenant(security);
        return transactions.write(caller.tenant(), tx -> keys.revoke(tx, id, caller));
    }
}
