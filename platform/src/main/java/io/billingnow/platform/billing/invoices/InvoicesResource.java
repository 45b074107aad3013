package io.billingnow.platform.billing.invoices;

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
import jakarta.ws.rs.DELETE;
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

@Path("/v1/invoices")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class InvoicesResource {

    private final TenantTransactions transactions;
    private final InvoiceService invoices;

    public InvoicesResource(TenantTransactions transactions, InvoiceService invoices) {
        this.transactions = transactions;
        this.invoices = invoices;
    }

    @Operation(summary = "Create a draft invoice",
            description = "The invoice starts as a draft without a number; finalize it to issue it.")
    @POST
    @RequiresPermission(Permission.INVOICES_WRITE)
    public Response create(@Context SecurityContext security, @NotNull @Valid InvoiceFields fields) {
        TenantCaller caller = Callers.tenant(security);
        Invoice created = transactions.write(caller.tenant(), tx -> invoices.createDraft(tx, fields, caller));
        return Response.status(201).tag(ETags.of(created.version())).entity(created).build();
    }

    @Operation(summary = "List invoices",
            description = "Filter by status, customer, number and creation date; paginated with cursor and limit.")
    @GET
    @RequiresPermission(Permission.INVOICES_READ)
    public Page<Invoice> list(@Context SecurityContext security, @QueryParam("status") String status,
                              @QueryParam("customerId") UUID customerId, @QueryParam("number") String number,
                              @QueryParam("createdFrom") String createdFrom, @QueryParam("createdTo") String createdTo,
                              @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        TenantCaller caller = Callers.tenant(security);
        InvoiceService.ListFilter filter = InvoiceService.ListFilter.of(status, customerId, number, createdFrom,
                createdTo);
        return transactions.read(caller.tenant(), tx -> invoices.list(tx, filter, cursor, limit));
    }

    @Operation(summary = "Get an invoice",
            description = "The ETag header is the version to send as If-Match when updating the draft.")
    @GET
    @Path("/{id}")
    @RequiresPermission(Permission.INVOICES_READ)
    public Response get(@Context SecurityContext security, @PathParam("id") UUID id) {
        TenantCaller caller = Callers.tenant(security);
        Invoice invoice = transactions.read(caller.tenant(),
                tx -> invoices.revealedTo(tx, invoices.get(tx, id), caller.role()));
        return Response.ok(invoice).tag(ETags.of(invoice.version())).build();
    }

    /**
     * Changes the draft's fields the JSON merge patch sends and keeps the others ({@code lines}, an array, is
     * replaced as a whole when sent); needs {@code If-Match}.
     */
    @Operation(summary = "Update a draft invoice",
            description = "A JSON merge patch (RFC 7396): the fields sent change, the others are kept; lines, an "
            + "array, is replaced as a whole when sent. Only drafts can change (409 "
            + "invoice-finalized).")
    @PATCH
    @Path("/{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @RequiresPermission(Permission.INVOICES_WRITE)
    public Response updateDraft(@Context SecurityContext security, @PathParam("id") UUID id,
                                @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(content = @Content(mediaType = MergePatch.MEDIA_TYPE,
                    schema = @Schema(implementation = InvoiceFields.class))) @NotNull JsonNode patch) {
        TenantCaller caller = Callers.tenant(security);
        Invoice updated = transactions.write(caller.tenant(),
                tx -> invoices.updateDraft(tx, id, version -> ETags.requireMatch(ifMatch, version), patch, caller));
        return Response.ok(updated).tag(ETags.of(updated.version())).build();
    }

    @Operation(summary = "Delete a draft invoice",
            description = "Only drafts can be deleted; a finalized invoice is voided or credited instead.")
    @DELETE
    @Path("/{id}")
    @RequiresPermission(Permission.INVOICES_WRITE)
    public Response deleteDraft(@Context SecurityContext security, @PathParam("id") UUID id) {
        TenantCaller caller = Callers.tenant(security);
        transactions.perform(caller.tenant(), tx -> invoices.deleteDraft(tx, id, caller));
        return Response.noContent().build();
    }

    @Operation(summary = "Finalize a draft invoice",
            description = "Gives the invoice its number (gapless, in the tenant's numbering format) and fixes its "
            + "amounts and the seller's and customer's details; it can no longer change. 422 "
            + "invoice-empty without lines.")
    @POST
    @Path("/{id}/finalize")
    @RequiresPermission(Permission.INVOICES_WRITE)
    public Invoice finalizeDraft(@Context SecurityContext security, @PathParam("id") UUID id) {
        TenantCaller caller = Callers.tenant(security);
        return transactions.write(caller.tenant(),
                tx -> invoices.revealedTo(tx, invoices.finalizeDraft(tx, id, caller), caller.role()));
    }

    @Operation(summary = "Void an invoice",
            description = "Only open or uncollectible invoices without payments (409 invoice-not-voidable, "
            + "invoice-has-payments); the number stays used. With payments, issue a credit note "
            + "instead.")
    @POST
    @Path("/{id}/void")
    @RequiresPermission(Permission.INVOICES_WRITE)
    public Invoice voidInvoice(@Context SecurityContext security, @PathParam("id") UUID id) {
        TenantCaller caller = Callers.tenant(security);
        return transactions.write(caller.tenant(),
                tx -> invoices.revealedTo(tx, invoices.voidInvoice(tx, id, caller), caller.role()));
    }

    @Operation(summary = "Mark an invoice uncollectible",
            description = "Only open invoices. Payments may still be recorded afterwards.")
    @POST
    @Path("/{id}/mark-uncollectible")
    @RequiresPermission(Permission.INVOICES_WRITE)
    public Invoice markUncollectible(@Context SecurityContext security, @PathParam("id") UUID id) {
        TenantCaller caller = Callers.tenant(security);
        return transactions.write(caller.tenant(),
                tx -> invoices.revealedTo(tx, invoices.markUncollectible(tx, id, caller), caller.role()));
    }
}
