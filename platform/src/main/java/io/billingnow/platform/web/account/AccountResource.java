package io.billingnow.platform.web.account;

import io.billingnow.platform.core.TenantId;
import io.billingnow.platform.core.errors.DomainException;
import io.billingnow.platform.core.tx.PlatformTransactions;
import io.billingnow.platform.core.tx.TenantTransactions;
import io.billingnow.platform.identity.auth.RequiresSignIn;
import io.billingnow.platform.identity.auth.SignedInUser;
import io.billingnow.platform.identity.members.MemberService;
import io.billingnow.platform.identity.sessions.PersonMemberships;
import io.billingnow.platform.identity.sessions.SessionCookie;
import io.billingnow.platform.identity.sessions.Sessions;
import io.billingnow.platform.identity.sessions.SignOutEverywhere;
import io.billingnow.platform.identity.users.UserAccounts;
import io.billingnow.platform.web.shell.PageContexts;
import io.billingnow.platform.web.shell.WebResponses;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;

/**
 * The person's own account, outside any business: their sessions (end one, or all: "sign out everywhere"), the
 * businesses they belong to with their roles, and the invitations addressed to their verified email (accept,
 * decline). Each action is the service call of its API twin under {@code /v1/me}, with the same rules. The actions
 * read no body, so they take any (a plain form posts only its {@code _csrf} field; htmx sends the token as a header).
 */
@Path("/account")
@Hidden
public final class AccountResource {

    private final Sessions sessions;
    private final SignOutEverywhere signOutEverywhere;
    private final MemberService members;
    private final UserAccounts users;
    private final PlatformTransactions platform;
    private final TenantTransactions transactions;
    private final PageContexts pages;
    private final boolean signUp;

    public AccountResource(Sessions sessions, SignOutEverywhere signOutEverywhere, MemberService members,
                           UserAccounts users, PlatformTransactions platform, TenantTransactions transactions,
                           PageContexts pages, boolean signUp) {
        this.sessions = sessions;
        this.signOutEverywhere = signOutEverywhere;
        this.members = members;
        this.users = users;
        this.platform = platform;
        this.transactions = transactions;
        this.pages = pages;
        this.signUp = signUp;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @RequiresSignIn
    public Response account(@Context ContainerRequestContext request, @Context HttpHeaders headers,
                            @Context UriInfo uri, @QueryParam(WebResponses.NOTICE) String notice) {
        // notice: declared so the strict query check admits it; PageContexts reads it.
        SignedInUser signedIn = SignedInUser.of(request);
        UserAccounts.User user = user(signedIn);
        return WebResponses.page(new AccountPage(pages.of(headers, uri), user, signedIn.sessionId(),
                sessions.activeSessionsOf(user.id()), PersonMemberships.of(platform, user.id()),
                members.openInvitationsFor(verifiedEmail(user)), signUp));
    }

    /** Ends one of the person's sessions ({@code DELETE /v1/me/sessions/{id}}); ending this one signs out here. */
    @POST
    @Path("/sessions/{id}/end")
    @Produces(MediaType.TEXT_HTML)
    @RequiresSignIn
    public Response endSession(@Context ContainerRequestContext request, @PathParam("id") UUID id) {
        SignedInUser signedIn = SignedInUser.of(request);
        if (!sessions.revoke(signedIn.userId(), id)) {
            throw DomainException.notFound("Session");
        }
        return id.equals(signedIn.sessionId()) ? signedOut() : WebResponses.seeOther("/account", "session_ended");
    }

    /** Sign out everywhere ({@code POST /v1/me/sessions/revoke-all}): every session ends, then the sign-in page. */
    @POST
    @Path("/sign-out-everywhere")
    @Produces(MediaType.TEXT_HTML)
    @RequiresSignIn
    public Response signOutEverywhere(@Context ContainerRequestContext request) {
        signOutEverywhere.of(SignedInUser.of(request).userId());
        return signedOut();
    }

    /** Accepts an invitation ({@code POST /v1/me/invitations/{id}/accept}) and opens the business joined. */
    @POST
    @Path("/invitations/{id}/accept")
    @Produces(MediaType.TEXT_HTML)
    @RequiresSignIn
    public Response accept(@Context ContainerRequestContext request, @PathParam("id") UUID id) {
        UserAccounts.User user = user(SignedInUser.of(request));
        String verifiedEmail = verifiedEmail(user);
        TenantId tenant = members.tenantOfOpenInvitation(id, verifiedEmail);
        String slug = members.openInvitationsFor(verifiedEmail).stream().filter(i -> i.id().equals(id))
                .map(i -> i.tenant().slug()).findFirst().orElseThrow();
        transactions.write(tenant, tx -> members.accept(tx, id, user.id(), verifiedEmail));
        return WebResponses.seeOther("/t/" + slug + "/", "invitation_accepted");
    }

    /** Declines an invitation ({@code POST /v1/me/invitations/{id}/decline}). */
    @POST
    @Path("/invitations/{id}/decline")
    @Produces(MediaType.TEXT_HTML)
    @RequiresSignIn
    public Response decline(@Context ContainerRequestContext request, @PathParam("id") UUID id) {
        UserAccounts.User user = user(SignedInUser.of(request));
        String verifiedEmail = verifiedEmail(user);
        transactions.perform(members.tenantOfOpenInvitation(id, verifiedEmail),
                tx -> members.decline(tx, id, user.id(), verifiedEmail));
        return WebResponses.seeOther("/account", "invitation_declined");
    }

    private UserAccounts.User user(SignedInUser signedIn) {
        return users.find(signedIn.userId()).orElseThrow(DomainException::unauthorized);
    }

    private static String verifiedEmail(UserAccounts.User user) {
        return user.emailVerified() ? user.email() : null;
    }

    /** This browser's session is over: its cookies go, and the sign-in page follows. */
    private static Response signedOut() {
        return Response.fromResponse(WebResponses.seeOther("/"))
                .header(HttpHeaders.SET_COOKIE, SessionCookie.clear(SessionCookie.NAME))
                .header(HttpHeaders.SET_COOKIE, SessionCookie.clear(SessionCookie.CSRF_NAME))
                .build();
    }
}
