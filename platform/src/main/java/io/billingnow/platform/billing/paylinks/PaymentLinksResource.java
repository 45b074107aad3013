package io.billingnow.platform.billing.paylinks;

import io.billingnow.platform.identity.auth.Callers;
import io.billingnow.platform.identity.auth.Permission;
import io.billingnow.platform.identity.auth.RequiresPermission;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.UUID;

/** Revoking payment links: ours at once, and the checkout the provider opened for it where the provider can. */
@Path("/v1/payment-links")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class PaymentLinksResource {

    private final PaymentLinkService links;

    public PaymentLinksResource(PaymentLinkService links) {
        this.links = links;
    }

    @Operation(summary = "Revoke a payment link")
    @DELETE
    @Path("/{id}")
    @RequiresPermission(Permission.PAYMENT_LINKS_WRITE)
    public PaymentLinkService.Revocation revoke(@Context SecurityContext security, @PathParam("id") UUID id) {
        return links.revoke(Callers.tenant(security), id);
    }
}
