package io.billingnow.platform.identity.signin;

import io.billingnow.platform.identity.users.Identity;
import io.billingnow.platform.core.errors.DomainException;
import io.billingnow.platform.identity.users.UserAccounts;
import io.billingnow.platform.identity.auth.PublicEndpoint;
import io.billingnow.platform.identity.members.MemberService;
import io.billingnow.platform.protection.monitoring.SecurityEvent;
import io.billingnow.platform.protection.monitoring.SecurityEventKind;
import io.billingnow.platform.protection.monitoring.SecurityEvents;
import io.billingnow.platform.identity.sessions.SessionCookie;
import io.billingnow.platform.identity.sessions.Sessions;
import io.billingnow.platform.core.tx.TenantTransactions;
import io.billingnow.platform.core.TenantId;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Development sign-in without an identity provider: any email address becomes a verified user who owns every active
 * tenant. Registered only when {@code signIn.devLogin} is true; otherwise the route does not exist at all.
 */
@Path("/auth/dev/login")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class DevLoginResource {

    public static final String ISSUER = "urn:billingnow:dev-login";
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}");

    private final UserAccounts users;
    private final Sessions sessions;
    private final MemberService members;
    private final TenantTransactions transactions;
    private final SecurityEvents events;

    public DevLoginResource(UserAccounts users, Sessions sessions, TenantTransactions transactions,
                            MemberService members, SecurityEvents events) {
        this.events = events;
        this.transactions = transactions;
        this.users = users;
        this.sessions = sessions;
        this.members = members;
    }

    public record DevLogin(@NotNull String email) {
    }

    public record DevSession(UUID userId, String csrfToken) {
    }

    @Operation(summary = "Sign in without an identity provider (development only)",
            description = "Exists only when signIn.devLogin is true, as ./billingnow dev sets it.")
    @POST
    @PublicEndpoint
    public Response login(@NotNull DevLogin request) {
        Sessions.Issued issued = signIn(request.email());
        long maxAge = sessions.absoluteLifetime().toSeconds();
        return Response.ok(new DevSession(issued.record().userId(), issued.csrfToken()))
                .header(HttpHeaders.SET_COOKIE, SessionCookie.setCookie(issued.cookieValue(), maxAge))
                .header(HttpHeaders.SET_COOKIE, SessionCookie.setCsrfCookie(issued.csrfToken(), maxAge))
                .build();
    }

    /** The web app's sign-in form: the same sign-in, then the browser goes to the site root (303). */
    @Operation(summary = "Sign in without an identity provider, from the web app's form (development only)")
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @PublicEndpoint
    public Response loginForm(@FormParam("email") String email) {
        Sessions.Issued issued = signIn(email);
        long maxAge = sessions.absoluteLifetime().toSeconds();
        return Response.seeOther(URI.create("/"))
                .header(HttpHeaders.SET_COOKIE, SessionCookie.setCookie(issued.cookieValue(), maxAge))
                .header(HttpHeaders.SET_COOKIE, SessionCookie.setCsrfCookie(issued.csrfToken(), maxAge))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    private Sessions.Issued signIn(String requestedEmail) {
        if (requestedEmail == null || !EMAIL.matcher(requestedEmail).matches()) {
            events.record(new SecurityEvent(SecurityEventKind.SIGN_IN_FAILED, null, null, null, null,
                    "dev sign-in without a usable email address"));
            throw DomainException.invalid("/email", "an email address");
        }
        String email = requestedEmail.toLowerCase(java.util.Locale.ROOT);
        UUID user = users.signIn(new Identity(ISSUER, email, email, true, email));
        for (TenantId tenant : members.activeTenants()) {
            transactions.perform(tenant, tx -> members.makeDevOwner(tx, user));
        }
        Sessions.Issued issued = sessions.create(user, "user", "dev-login");
        events.record(new SecurityEvent(SecurityEventKind.SIGNED_IN, null, null, null, "user:" + user,
                "dev sign-in as user"));
        return issued;
    }
}
