package io.billingnow.platform.billing.creditnotes;

import io.billingnow.platform.identity.auth.Callers;
import io.billingnow.platform.identity.auth.Permission;
import io.billingnow.platform.identity.auth.RequiresPermission;
import io.billingnow.platform.identity.auth.TenantCaller;
import io.billingnow.platform.core.tx.TenantTransactions;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.UUID;

/** A credit note by its own id. */
@Path("/v1/credit-notes")
@Produces(MediaType.APPLICATION_JSON)
public final class CreditNoteResource {

    private final TenantTransactions transactions;
    private final CreditNoteService creditNotes;

    public CreditNoteResource(TenantTransactions transactions, CreditNoteService creditNotes) {
        this.transactions = transactions;
        this.creditNotes = creditNotes;
    }

    @Operation(summary = "Get a credit note")
    @GET
    @Path("/{id}")
    @RequiresPermission(Permission.INVOICES_READ)
    public CreditNote get(@Context SecurityContext security, @PathParam("id") UUID id) {
        TenantCaller caller = Callers.tenant(security);
        return transactions.read(caller.tenant(), tx -> creditNotes.get(tx, id));
    }
}
