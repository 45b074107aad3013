package io.billingnow.platform.web.home;

import io.billingnow.platform.core.tx.PlatformTransactions;
import io.billingnow.platform.identity.auth.PublicEndpoint;
import io.billingnow.platform.identity.members.MemberService;
import io.billingnow.platform.identity.sessions.MeResource;
import io.billingnow.platform.identity.users.UserAccounts;
import io.billingnow.platform.identity.sessions.PersonMemberships;
import io.billingnow.platform.web.shell.WebAssets;
import io.billingnow.platform.web.shell.WebContext;
import io.billingnow.platform.web.shell.WebResponses;
import io.billingnow.platform.web.shell.WebSessions;
import io.billingnow.platform.web.i18n.WebLocales;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The site root. Signed out: the sign-in page. Signed in: straight to the dashboard of one's only business, a chooser
 * when there are several (or invitations wait to be answered), and an empty state saying what to do when there is
 * none yet: accept an invitation, or create a business when operators allow self-service sign-up. Public by nature (it is where
 * a person without a session lands); what it shows depends on the session, looked up as every page does.
 */
@Path("/")
@Hidden
public final class HomeResource {

    private final WebAssets assets;
    private final WebSessions sessions;
    private final PlatformTransactions platform;
    private final List<String> providers;
    private final boolean devLogin;
    private final MemberService members;
    private final UserAccounts users;
    private final boolean signUp;

    public HomeResource(WebAssets assets, WebSessions sessions, PlatformTransactions platform, List<String> providers,
                        boolean devLogin, MemberService members, UserAccounts users, boolean signUp) {
        this.assets = assets;
        this.sessions = sessions;
        this.platform = platform;
        this.providers = List.copyOf(providers);
        this.devLogin = devLogin;
        this.members = members;
        this.users = users;
        this.signUp = signUp;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @PublicEndpoint
    public Response home(@Context HttpHeaders headers) {
        Locale locale = WebLocales.of(headers);
        Optional<WebSessions.Current> current = sessions.current(headers);
        if (current.isEmpty()) {
            return WebResponses.page(new SignInPage(WebContext.of(locale, assets, null), providers, devLogin));
        }
        UUID user = current.get().session().userId();
        List<MeResource.Membership> memberships = PersonMemberships.of(platform, user);
        List<MemberService.OpenInvitation> invitations = members.openInvitationsFor(users.find(user)
                .filter(UserAccounts.User::emailVerified).map(UserAccounts.User::email).orElse(null));
        if (memberships.size() == 1 && invitations.isEmpty()) {
            return Response.seeOther(URI.create("/t/" + memberships.get(0).slug() + "/"))
                    .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
        }
        return WebResponses.page(new ChooserPage(WebContext.of(locale, assets, current.get().csrfToken()),
                memberships, invitations, signUp));
    }

    /** Remembers the person's language (a cookie, nothing secret) and goes back to the site root. */
    @GET
    @Path("language/{tag: [a-z]{2}}")
    @PublicEndpoint
    public Response language(@PathParam("tag") String tag) {
        if (WebLocales.supported(tag) == null) {
            throw new NotFoundException();
        }
        return Response.seeOther(URI.create("/"))
                .header(HttpHeaders.SET_COOKIE, WebLocales.COOKIE + "=" + tag
                        + "; Path=/; Max-Age=31536000; Secure; SameSite=Lax")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }
}
