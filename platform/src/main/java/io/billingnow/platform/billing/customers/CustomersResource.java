package io.billingnow.platform.billing.customers;

import com.fasterxml.jackson.databind.JsonNode;
import io.billingnow.platform.identity.auth.Callers;
import io.billingnow.platform.identity.auth.Permission;
import io.billingnow.platform.identity.auth.RequiresPermission;
import io.billingnow.platform.identity.auth.TenantCaller;
import io.billingnow.platform.core.tx.TenantTransactions;
import io.billingnow.platform.http.ETags;
import io.billingnow.platform.json.MergePatch;
import io.billingnow.platform.core.paging.Page;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import jakarta.ws.rs.Consumes;
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
import java.util.UUID;

@Path("/v1/customers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class CustomersResource {

    private final TenantTransactions transactions;
    private final CustomerService customers;

    public CustomersResource(TenantTransactions transactions, CustomerService customers) {
        this.transactions = transactions;
        this.customers = customers;
    }

    @Operation(summary = "Create a customer")
    @POST
    @RequiresPermission(Permission.CUSTOMERS_WRITE)
    public Response create(@Context SecurityContext security, @NotNull @Valid CustomerFields fields) {
        TenantCaller caller = Callers.tenant(security);
        Customer created = transactions.write(caller.tenant(),
                tx -> customers.revealedTo(tx, customers.create(tx, fields, caller), caller.role()));
        return Response.status(201).tag(ETags.of(created.version())).entity(created).build();
    }

    /** Lists show tax ids masked whatever the role: the full value is read one customer at a time. */
    @Operation(summary = "List customers",
            description = "Tax ids are masked in lists whatever the role; read one customer for the full value.")
    @GET
    @RequiresPermission(Permission.CUSTOMERS_READ)
    public Page<Customer> list(@Context SecurityContext security, @QueryParam("email") String email,
                               @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        TenantCaller caller = Callers.tenant(security);
        return transactions.read(caller.tenant(), tx -> customers.list(tx, email, cursor, limit));
    }

    @Operation(summary = "Get a customer",
            description = "Tax ids are shown in full or masked depending on the role (docs/permissions.md). The "
            + "ETag header is the version for If-Match.")
    @GET
    @Path("/{id}")
    @RequiresPermission(Permission.CUSTOMERS_READ)
    public Response get(@Context SecurityContext security, @PathParam("id") UUID id) {
        TenantCaller caller = Callers.tenant(security);
        Customer customer = transactions.read(caller.tenant(),
                tx -> customers.revealedTo(tx, customers.get(tx, id), caller.role()));
        return Response.ok(customer).tag(ETags.of(customer.version())).build();
    }

    /** Changes the fields the JSON merge patch sends and keeps the others; needs {@code If-Match}. */
    @Operation(summary = "Update a customer",
            description = "A JSON merge patch (RFC 7396): the fields sent change, the others (the tax id "
            + "included) are kept.")
    @PATCH
    @Path("/{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @RequiresPermission(Permission.CUSTOMERS_WRITE)
    public Response update(@Context SecurityContext security, @PathParam("id") UUID id,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(content = @Content(mediaType = MergePatch.MEDIA_TYPE,
                    schema = @Schema(implementation = CustomerFields.class))) @NotNull JsonNode patch) {
        TenantCaller caller = Callers.tenant(security);
        Customer updated = transactions.write(caller.tenant(),
                tx -> customers.revealedTo(tx,
                        customers.update(tx, id, version -> ETags.requireMatch(ifMatch, version), patch, caller),
                        caller.role()));
        return Response.ok(updated).tag(ETags.of(updated.version())).build();
    }
}
