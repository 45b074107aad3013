package io.billingnow.platform.billing.creditnotes;

import io.billingnow.platform.identity.auth.Callers;
import io.billingnow.platform.identity.auth.Permission;
import io.billingnow.platform.identity.auth.RequiresPermission;
import io.billingnow.platform.identity.auth.TenantCaller;
import io.billingnow.platform.core.tx.TenantTransactions;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/v1/invoices/{id}/credit-notes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class CreditNotesResource {

    private final TenantTransactions transactions;
    private final CreditNoteService creditNotes;

    public CreditNotesResource(TenantTransactions transactions, CreditNoteService creditNotes) {
        this.transactions = transactions;
        this.creditNotes = creditNotes;
    }

    @Operation(summary = "Issue a credit note for an invoice",
            description = "Corrects a finalized invoice: the credit note gets its own number and reduces the "
            + "amount due; its total cannot exceed what is left to credit (422 "
            + "credit-exceeds-invoice).")
    @POST
    @RequiresPermission(Permission.CREDIT_NOTES_WRITE)
    public Response issue(@Context SecurityContext security, @PathParam("id") UUID invoiceId,
                          @NotNull @Valid CreditNoteFields fields) {
        TenantCaller caller = Callers.tenant(security);
        CreditNote note = transactions.write(caller.tenant(), tx -> creditNotes.issue(tx, invoiceId, fields, caller));
        return Response.status(201).entity(note).build();
    }

    @Operation(summary = "List an invoice's credit notes")
    @GET
    @RequiresPermission(Permission.INVOICES_READ)
    public Map<String, List<CreditNote>> forInvoice(@Context SecurityContext security, @PathParam("id") UUID invoiceId) {
        TenantCaller caller = Callers.tenant(security);
        return Map.of("data", transactions.read(caller.tenant(), tx -> creditNotes.forInvoice(tx, invoiceId)));
    }
}
