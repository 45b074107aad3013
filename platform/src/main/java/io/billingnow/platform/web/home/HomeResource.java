package io.billingnow.platform.web.home;

import io.billingnow.platform.core.tx.PlatformTransactions;
import io.billingnow.platform.identity.auth.PublicEndpoint;
import io.billingnow.platform.identity.sessions.MeResource;
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

/**
 * The site root. Signed out: the sign-in page. Signed in: straight to the dashboard of one's only business, a chooser
 * when there are several, and an empty state saying what to do when there is none yet. Public by nature (it is where
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

    public HomeResource(WebAssets assets, WebSessions sessions, PlatformTransactions platform, List<String> providers,
                        boolean devLogin) {
        this.assets = assets;
        this.sessions = sessions;
        this.platform = platform;
        this.providers = List.copyOf(providers);
        this.devLogin = devLogin;
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
        List<MeResource.Membership> memberships = PersonMemberships.of(platform, current.get().session().userId());
        if (memberships.size() == 1) {
            return Response.seeOther(URI.create("/t/" + memberships.get(0).slug() + "/"))
                    .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
        }
        return WebResponses.page(new ChooserPage(WebContext.of(locale, assets, current.get().csrfToken()),
                memberships));
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
