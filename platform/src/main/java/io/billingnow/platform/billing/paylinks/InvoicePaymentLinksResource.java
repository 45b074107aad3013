package io.billingnow.platform.billing.paylinks;

import io.billingnow.platform.identity.auth.Callers;
import io.billingnow.platform.identity.auth.Permission;
import io.billingnow.platform.identity.auth.RequiresPermission;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.UUID;

/**
 * Issuing payment links for an invoice. Its own root path: JAX-RS picks one root resource per request, and the
 * invoices resource would otherwise claim these URLs. The link's URL is returned once, at creation.
 */
@Path("/v1/invoices/{id}/payment-links")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class InvoicePaymentLinksResource {

    private final PaymentLinkService links;

    public InvoicePaymentLinksResource(PaymentLinkService links) {
        this.links = links;
    }

    @Operation(summary = "Create a payment link for an invoice",
            description = "The link's URL carries a secret token: whoever has it can pay. Only a finalized "
            + "invoice with an amount due (409 invoice-not-payable).")
    @POST
    @RequiresPermission(Permission.PAYMENT_LINKS_WRITE)
    public Response create(@Context SecurityContext security, @PathParam("id") UUID invoiceId,
                           @NotNull PaymentLinkFields fields) {
        PaymentLink link = links.create(Callers.tenant(security), invoiceId, fields);
        return Response.status(201).header("Cache-Control", "no-store").entity(link).build();
    }
}
