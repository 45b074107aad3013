package io.billingnow.platform.identity.members;

import io.billingnow.platform.identity.auth.Callers;
import io.billingnow.platform.identity.auth.RequiresOperator;
import io.billingnow.platform.core.TenantId;
import io.billingnow.platform.identity.auth.OperatorCaller;
import io.billingnow.platform.core.tx.TenantTransactions;
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
 * {@code POST /admin/v1/tenants/{id}/owner-invitations {"email": …}}: an operator invites a tenant's first owner
 * ({@link FirstOwnerInvitations}). The answer names the invitation, never a token. No email is sent yet: tell the
 * person to sign in with that address and accept under {@code /v1/me/invitations}.
 */
@Path("/admin/v1/tenants/{id}/owner-invitations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class AdminOwnerInvitationsResource {

    private final TenantTransactions transactions;
    private final FirstOwnerInvitations invitations;

    public AdminOwnerInvitationsResource(TenantTransactions transactions, FirstOwnerInvitations invitations) {
        this.transactions = transactions;
        this.invitations = invitations;
    }

    public record OwnerInvitation(String email) {
    }

    @Operation(summary = "Invite a tenant's first owner",
            description = "By email address; the invitee signs in and accepts. Only for an active tenant without "
            + "an owner (409 tenant-not-active, tenant-has-owner).")
    @POST
    @RequiresOperator
    public Response invite(@Context SecurityContext security, @PathParam("id") UUID id,
                           @NotNull OwnerInvitation request) {
        OperatorCaller operator = Callers.operator(security);
        return Response.status(201).entity(transactions.write(new TenantId(id),
                tx -> invitations.invite(tx, operator, request.email()))).build();
    }
}
