package io.billingnow.platform.identity.signin;

import io.billingnow.platform.identity.users.Identity;
import io.billingnow.platform.core.errors.DomainException;
import io.billingnow.platform.identity.auth.PublicEndpoint;
import io.billingnow.platform.http.ProblemResponses;
import io.billingnow.platform.identity.sessions.CsrfGuard;
import io.billingnow.platform.identity.sessions.SessionCookie;
import io.billingnow.platform.identity.sessions.Sessions;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Browser sign-in. These routes are public by nature: they are how a person without credentials gets some.
 * {@code /auth/{provider}/login} starts a sign-in, {@code console-login} starts an admin-console sign-in (admitted
 * only for allow-listed identities), the provider returns to {@code callback} (GET, or POST for form_post providers
 * such as Apple), and {@code /auth/logout} ends the browser's session.
 */
@Path("/auth")
@Produces(MediaType.APPLICATION_JSON)
public final class SignInResource {

    private final SignInFlow flow;
    private final Sessions sessions;
    private final CsrfGuard csrf;
    private final String publicBase;
    private final long pendingSeconds;

    public SignInResource(SignInFlow flow, Sessions sessions, CsrfGuard csrf, URI publicBaseUrl,
                          long pendingSeconds) {
        this.flow = flow;
        this.sessions = sessions;
        this.csrf = csrf;
        this.publicBase = publicBaseUrl.toString().replaceAll("/+$", "");
        this.pendingSeconds = pendingSeconds;
    }

    @Operation(summary = "Start signing in with an identity provider",
            description = "Redirects the browser to the provider (Google, Apple, OIDC).")
    @GET
    @Path("/{provider: (?!dev/)[a-z0-9-]{1,32}}/login")
    @PublicEndpoint
    public Response login(@PathParam("provider") String provider, @QueryParam("returnTo") String returnTo,
                          @Context UriInfo uri) {
        return start(provider, "user", ReturnTo.validate(returnTo, "/"), uri);
    }

    @Operation(summary = "Start an operator's sign-in to the admin console")
    @GET
    @Path("/{provider: (?!dev/)[a-z0-9-]{1,32}}/console-login")
    @PublicEndpoint
    public Response consoleLogin(@PathParam("provider") String provider, @QueryParam("returnTo") String returnTo,
                                 @Context UriInfo uri) {
        return start(provider, "operator", ReturnTo.validate(returnTo, "/admin"), uri);
    }

    @Operation(summary = "Identity provider callback",
            description = "Where the provider sends the browser back; completes the sign-in and sets the session "
            + "cookie.")
    @GET
    @Path("/{provider: (?!dev/)[a-z0-9-]{1,32}}/callback")
    @PublicEndpoint
    public Response callback(@PathParam("provider") String provider, @Context UriInfo uri,
                             @Context HttpHeaders headers) {
        return finish(provider, "GET", uri, uri.getQueryParameters(), headers);
    }

    @Operation(summary = "Identity provider callback (form post)",
            description = "The callback for providers answering with response_mode=form_post (e.g. Apple).")
    @POST
    @Path("/{provider: (?!dev/)[a-z0-9-]{1,32}}/callback")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @PublicEndpoint
    public Response formCallback(@PathParam("provider") String provider, MultivaluedMap<String, String> form,
                                 @Context UriInfo uri, @Context HttpHeaders headers) {
        return finish(provider, "POST", uri, form, headers);
    }

    /** Ends this browser's session. A cookie that still names a live session must pass the CSRF check first. */
    @Operation(summary = "Sign out",
            description = "Ends this browser's session. A cookie that still names a live session must pass the "
            + "CSRF check first.")
    @POST
    @Path("/logout")
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    @PublicEndpoint
    public Response logout(@Context ContainerRequestContext request) {
        Cookie cookie = request.getCookies().get(SessionCookie.NAME);
        if (cookie != null) {
            sessions.authenticate(cookie.getValue()).ifPresent(session -> csrf.check(request, session));
            sessions.revokeByCookie(cookie.getValue());
        }
        Response.ResponseBuilder signedOut = Response.noContent();
        if ("true".equals(request.getHeaderString("HX-Request"))) {
            // The web app signs out through htmx (which sends the CSRF header); it then loads the sign-in page.
            signedOut.header("HX-Redirect", "/");
        } else if (request.getMediaType() != null
                && request.getMediaType().isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
            // The same button without JavaScript: a plain form, answered with the sign-in page.
            signedOut = Response.seeOther(URI.create("/"));
        }
        return signedOut
                .header(HttpHeaders.SET_COOKIE, SessionCookie.clear(SessionCookie.NAME))
                .header(HttpHeaders.SET_COOKIE, SessionCookie.clear(SessionCookie.CSRF_NAME))
                .build();
    }

    private Response start(String provider, String purpose, String returnTo, UriInfo uri) {
        SignInFlow.Redirect redirect = flow.start(provider, purpose, returnTo, uri.getRequestUri());
        return Response.status(Response.Status.FOUND)
                .location(redirect.location())
                .header(HttpHeaders.SET_COOKIE, pendingCookie(redirect.pendingHandle(), pendingSeconds))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    private Response finish(String provider, String method, UriInfo uri, Map<String, List<String>> parameters,
                            HttpHeaders headers) {
        Cookie pending = headers.getCookies().get(PendingSignIns.COOKIE);
        Cookie previous = headers.getCookies().get(SessionCookie.NAME);
        SignInFlow.Completed completed;
        try {
            completed = flow.complete(provider, pending == null ? null : pending.getValue(), method,
                    uri.getRequestUri(), parameters, previous == null ? null : previous.getValue(),
                    headers.getHeaderString(HttpHeaders.USER_AGENT));
        } catch (DomainException e) {
            return Response.fromResponse(ProblemResponses.of(e))
                    .header(HttpHeaders.SET_COOKIE, pendingCookie("", 0))
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .build();
        }
        long maxAge = sessions.absoluteLifetime().toSeconds();
        return Response.seeOther(URI.create(publicBase + completed.returnTo()))
                .header(HttpHeaders.SET_COOKIE, SessionCookie.setCookie(completed.session().cookieValue(), maxAge))
                .header(HttpHeaders.SET_COOKIE, SessionCookie.setCsrfCookie(completed.session().csrfToken(), maxAge))
                .header(HttpHeaders.SET_COOKIE, pendingCookie("", 0))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    /**
     * SameSite=None because Apple returns by a cross-site form POST, on which a Lax cookie would not be sent. The
     * cookie only names the pending attempt; the state parameter it is checked against is what stops forgery.
     */
    private static String pendingCookie(String value, long maxAgeSeconds) {
        return PendingSignIns.COOKIE + "=" + value + "; Path=/; Max-Age=" + maxAgeSeconds
                + "; Secure; HttpOnly; SameSite=None";
    }
}
