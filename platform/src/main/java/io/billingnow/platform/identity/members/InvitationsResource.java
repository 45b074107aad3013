package io.billingnow.platform.identity.members;

import io.billingnow.platform.core.errors.DomainException;
import io.billingnow.platform.identity.auth.RequiresSignIn;
import io.billingnow.platform.identity.auth.SignedInUser;
import io.billingnow.platform.identity.users.UserAccounts;
import io.billingnow.platform.core.tx.TenantTransactions;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

/** Accepting an invitation: by the signed-in person it was sent to, before they belong to the tenant. */
@Path("/v1/invitations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class InvitationsResource {

    private final TenantTransactions transactions;
    private final MemberService members;
    private final UserAccounts users;

    public InvitationsResource(TenantTransactions transactions, MemberService members, UserAccounts users) {
        this.transactions = transactions;
        this.members = members;
        this.users = users;
    }

    public record Acceptance(@NotBlank String token) {
    }

    @Operation(summary = "Accept an invitation by its token",
            description = "The signed-in person's verified email address must be the invited one (403 "
            + "email-not-verified; 404 invitation-unusable otherwise).")
    @POST
    @Path("/accept")
    @RequiresSignIn
    public Member accept(@Context ContainerRequestContext request, @NotNull @Valid Acceptance acceptance) {
        SignedInUser signedIn = SignedInUser.of(request);
        UserAccounts.User user = users.find(signedIn.userId()).orElseThrow(DomainException::unauthorized);
        InvitationTokens.Claims claims = members.claims(acceptance.token());
        String verifiedEmail = user.emailVerified() ? user.email() : null;
        return transactions.write(claims.tenant(),
                tx -> members.accept(tx, claims.invitation(), user.id(), verifiedEmail));
    }
}
