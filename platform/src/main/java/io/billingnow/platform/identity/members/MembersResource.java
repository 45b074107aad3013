package io.billingnow.platform.identity.members;

import io.billingnow.platform.core.errors.DomainException;
import io.billingnow.platform.identity.auth.Callers;
import io.billingnow.platform.identity.auth.Permission;
import io.billingnow.platform.identity.auth.RequiresPermission;
import io.billingnow.platform.identity.auth.Role;
import io.billingnow.platform.json.MergePatch;
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
import jakarta.ws.rs.PATCH;
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

/** The people of a tenant and their roles. */
@Path("/v1/members")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class MembersResource {

    private final TenantTransactions transactions;
    private final MemberService members;

    public MembersResource(TenantTransactions transactions, MemberService members) {
        this.transactions = transactions;
        this.members = members;
    }

    /** The member's one writable field, as a JSON merge patch. */
    public record RoleChange(String role) {
    }

    public record NewInvitation(@NotBlank @Size(max = 320) String email, @NotNull String role) {
    }

    @Operation(summary = "List the tenant's members")
    @GET
    @RequiresPermission(Permission.MEMBERS_MANAGE)
    public Map<String, List<Member>> list(@Context SecurityContext security) {
        return Map.of("data", transactions.read(Callers.tenant(security).tenant(), members::list));
    }

    @Operation(summary = "Change a member's role",
            description = "A JSON merge patch of {\"role\": …}. A tenant keeps at least one owner (409 "
            + "last-owner).")
    @PATCH
    @Path("/{userId}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @RequiresPermission(Permission.MEMBERS_MANAGE)
    public Member changeRole(@Context SecurityContext security, @PathParam("userId") UUID userId,
                             @NotNull @Valid RoleChange request) {
        TenantCaller caller = Callers.tenant(security);
        if (request.role() == null) {
            // Nothing sent, nothing changed (RFC 7396); a member cannot be without a role, so null changes nothing too.
            return transactions.read(caller.tenant(), tx -> members.get(tx, userId));
        }
        Role role = Role.fromInput(request.role());
        return transactions.write(caller.tenant(), tx -> members.changeRole(tx, caller, userId, role));
    }

    @Operation(summary = "Remove a member",
            description = "The last owner cannot be removed (409 last-owner).")
    @DELETE
    @Path("/{userId}")
    @RequiresPermission(Permission.MEMBERS_MANAGE)
    public Response remove(@Context SecurityContext security, @PathParam("userId") UUID userId) {
        TenantCaller caller = Callers.tenant(security);
        transactions.perform(caller.tenant(), tx -> members.remove(tx, caller, userId));
        return Response.noContent().build();
    }

    /** The response carries the invitation token, once; deliver it to the invited address (e.g. in a link). */
    @Operation(summary = "Invite a member",
            description = "The response carries the invitation token, once; deliver it to the invited address "
            + "(e.g. in a link).")
    @POST
    @Path("/invitations")
    @RequiresPermission(Permission.MEMBERS_MANAGE)
    public Response invite(@Context SecurityContext security, @NotNull @Valid NewInvitation request) {
        if (!request.email().matches("[^@\\s]{1,64}@[^@\\s]{1,255}")) {
            throw DomainException.invalid("/email", "an email address");
        }
        TenantCaller caller = Callers.tenant(security);
        Role role = Role.fromInput(request.role());
        return Response.status(201)
                .entity(transactions.write(caller.tenant(), tx -> members.invite(tx, caller, request.email(), role)))
                .build();
    }

    @Operation(summary = "List open invitations")
    @GET
    @Path("/invitations")
    @RequiresPermission(Permission.MEMBERS_MANAGE)
    public Map<String, List<MemberService.Invitation>> invitations(@Context SecurityContext security) {
        return Map.of("data", transactions.read(Callers.tenant(security).tenant(), members::openInvitations));
    }

    @Operation(summary = "Revoke an invitation")
    @DELETE
    @Path("/invitations/{id}")
    @RequiresPermission(Permission.MEMBERS_MANAGE)
    public Response revokeInvitation(@Context SecurityContext security, @PathParam("id") UUID id) {
        TenantCaller caller = Callers.tenant(security);
        transactions.perform(caller.tenant(), tx -> members.revokeInvitation(tx, caller, id));
        return Response.noContent().build();
    }
}
