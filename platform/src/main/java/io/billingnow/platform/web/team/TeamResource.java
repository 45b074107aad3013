package io.billingnow.platform.web.team;

import io.billingnow.platform.core.errors.DomainException;
import io.billingnow.platform.core.tx.TenantHandle;
import io.billingnow.platform.core.tx.TenantTransactions;
import io.billingnow.platform.identity.auth.Callers;
import io.billingnow.platform.identity.auth.Permission;
import io.billingnow.platform.identity.auth.RequiresPermission;
import io.billingnow.platform.identity.auth.Role;
import io.billingnow.platform.identity.auth.TenantCaller;
import io.billingnow.platform.identity.members.MemberService;
import io.billingnow.platform.web.shell.FormErrors;
import io.billingnow.platform.web.shell.FormRefusals;
import io.billingnow.platform.web.shell.PageContexts;
import io.billingnow.platform.web.shell.Section;
import io.billingnow.platform.web.shell.TenantShell;
import io.billingnow.platform.web.shell.WebContext;
import io.billingnow.platform.web.shell.WebResponses;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A business's team: its members and their roles, and the invitations still open. Every change is the members API's
 * own service call ({@link MemberService}: only an owner makes or unmakes an owner, the last owner stays, a changed or
 * removed member's sessions end) under the API's permission ({@code MEMBERS_MANAGE}); a refusal is shown on the page.
 * An invitation's token is not shown: the invited person accepts by signing in with the invited, verified address.
 */
@Path("/t/{tenant}/team")
@Hidden
public final class TeamResource {

    private final TenantTransactions transactions;
    private final MemberService members;
    private final PageContexts pages;

    public TeamResource(TenantTransactions transactions, MemberService members, PageContexts pages) {
        this.transactions = transactions;
        this.members = members;
        this.pages = pages;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @RequiresPermission(Permission.MEMBERS_MANAGE)
    public Response team(@Context SecurityContext security, @Context HttpHeaders headers, @Context UriInfo uri,
                         @QueryParam(WebResponses.NOTICE) String notice) {
        // The notice is declared so the strict query check lets it through; PageContexts reads and vets it.
        return WebResponses.page(page(Callers.tenant(security), headers, uri, FormErrors.NONE, "", ""));
    }

    @POST
    @Path("/members/{userId}/role")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @RequiresPermission(Permission.MEMBERS_MANAGE)
    public Response changeRole(@Context SecurityContext security, @Context HttpHeaders headers, @Context UriInfo uri,
                               @PathParam("userId") UUID userId, MultivaluedMap<String, String> form) {
        TenantCaller caller = Callers.tenant(security);
        return change(caller, headers, uri, "team_role_changed", tx -> {
            Role role = Role.fromInput(form.getFirst("role"));
            members.changeRole(tx, caller, userId, role);
        });
    }

    @POST
    @Path("/members/{userId}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @RequiresPermission(Permission.MEMBERS_MANAGE)
    public Response remove(@Context SecurityContext security, @Context HttpHeaders headers, @Context UriInfo uri,
                           @PathParam("userId") UUID userId) {
        TenantCaller caller = Callers.tenant(security);
        return change(caller, headers, uri, "team_member_removed", tx -> members.remove(tx, caller, userId));
    }

    @POST
    @Path("/invitations")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @RequiresPermission(Permission.MEMBERS_MANAGE)
    public Response invite(@Context SecurityContext security, @Context HttpHeaders headers, @Context UriInfo uri,
                           MultivaluedMap<String, String> form) {
        TenantCaller caller = Callers.tenant(security);
        String email = form.getFirst("email") == null ? "" : form.getFirst("email").strip();
        String role = form.getFirst("role") == null ? "" : form.getFirst("role");
        try {
            String base = transactions.write(caller.tenant(), tx -> {
                members.invite(tx, caller, email, Role.fromInput(role));
                return base(tx, caller);
            });
            return WebResponses.seeOther(base + Section.TEAM.path(), "team_invited");
        } catch (DomainException refused) {
            int status = FormRefusals.statusOrRethrow(refused);
            return WebResponses.page(status, page(caller, headers, uri, FormErrors.of(refused), email, role));
        }
    }

    @POST
    @Path("/invitations/{id}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @RequiresPermission(Permission.MEMBERS_MANAGE)
    public Response revokeInvitation(@Context SecurityContext security, @Context HttpHeaders headers,
                                     @Context UriInfo uri, @PathParam("id") UUID id) {
        TenantCaller caller = Callers.tenant(security);
        return change(caller, headers, uri, "team_invitation_revoked",
                tx -> members.revokeInvitation(tx, caller, id));
    }

    /** One change in one tenant transaction: see the team page with its notice, or the page again with the refusal. */
    private Response change(TenantCaller caller, HttpHeaders headers, UriInfo uri, String notice,
                            Consumer<TenantHandle> work) {
        try {
            String base = transactions.write(caller.tenant(), tx -> {
                work.accept(tx);
                return base(tx, caller);
            });
            return WebResponses.seeOther(base + Section.TEAM.path(), notice);
        } catch (DomainException refused) {
            int status = FormRefusals.statusOrRethrow(refused);
            return WebResponses.page(status, page(caller, headers, uri, FormErrors.of(refused), "", ""));
        }
    }

    private static String base(TenantHandle tx, TenantCaller caller) {
        return TenantShell.of(tx, caller, Section.TEAM).base();
    }

    private TeamPage page(TenantCaller caller, HttpHeaders headers, UriInfo uri, FormErrors errors,
                          String inviteEmail, String inviteRole) {
        // The session is looked up before the tenant transaction opens: it is platform data with its own transaction.
        WebContext context = pages.of(headers, uri);
        return transactions.read(caller.tenant(), tx -> new TeamPage(context,
                TenantShell.of(tx, caller, Section.TEAM), members.list(tx),
                members.openInvitations(tx), errors, inviteEmail, inviteRole));
    }
}
