package io.billingnow.platform.identity.members;

import io.billingnow.platform.core.errors.DomainException;
import io.billingnow.platform.identity.auth.RequiresSignIn;
import io.billingnow.platform.identity.auth.SignedInUser;
import io.billingnow.platform.identity.users.UserAccounts;
import io.billingnow.platform.core.tx.TenantTransactions;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The signed-in person's invitations, found by the email address their identity provider verified: how the first
 * owner an operator invited joins the tenant (no token travels; the verified address is the proof).
 */
@Path("/v1/me/invitations")
@Produces(MediaType.APPLICATION_JSON)
public final class MyInvitationsResource {

    private final TenantTransactions transactions;
    private final MemberService members;
    private final UserAccounts users;

    public MyInvitationsResource(TenantTransactions transactions, MemberService members, UserAccounts users) {
        this.transactions = transactions;
        this.members = members;
        this.users = users;
    }

    @Operation(summary = "List invitations to my email address")
    @GET
    @RequiresSignIn
    public Map<String, List<MemberService.OpenInvitation>> list(@Context ContainerRequestContext request) {
        return Map.of("data", members.openInvitationsFor(verifiedEmail(request)));
    }

    @Operation(summary = "Accept an invitation to my email address")
    @POST
    @Path("/{id}/accept")
    @RequiresSignIn
    public Member accept(@Context ContainerRequestContext request, @PathParam("id") UUID id) {
        UserAccounts.User user = user(request);
        String verifiedEmail = user.emailVerified() ? user.email() : null;
        return transactions.write(members.tenantOfOpenInvitation(id, verifiedEmail),
                tx -> members.accept(tx, id, user.id(), verifiedEmail));
    }

    @Operation(summary = "Decline an invitation to my email address",
            description = "The invitation ends and can no longer be accepted (404 invitation-unusable as for accept).")
    @POST
    @Path("/{id}/decline")
    @RequiresSignIn
    public Response decline(@Context ContainerRequestContext request, @PathParam("id") UUID id) {
        UserAccounts.User user = user(request);
        String verifiedEmail = user.emailVerified() ? user.email() : null;
        transactions.perform(members.tenantOfOpenInvitation(id, verifiedEmail),
                tx -> members.decline(tx, id, user.id(), verifiedEmail));
        return Response.noContent().build();
    }

    private String verifiedEmail(ContainerRequestContext request) {
        UserAccounts.User user = user(request);
        return user.emailVerified() ? user.email() : null;
    }

    private UserAccounts.User user(ContainerRequestContext request) {
        return users.find(SignedInUser.of(request).userId()).orElseThrow(DomainException::unauthorized);
    }
}
