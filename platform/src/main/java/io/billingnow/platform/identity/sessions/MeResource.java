package io.billingnow.platform.identity.sessions;

import io.billingnow.platform.core.errors.DomainException;
import io.billingnow.platform.identity.auth.RequiresSignIn;
import io.billingnow.platform.identity.auth.SignedInUser;
import io.billingnow.platform.core.tx.PlatformTransactions;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The signed-in person: who they are, which tenants they belong to, and their sessions. */
@Path("/v1/me")
@Produces(MediaType.APPLICATION_JSON)
public final class MeResource {

    private final Sessions sessions;
    private final PlatformTransactions platform;
    private final SignOutEverywhere signOutEverywhere;

    public MeResource(Sessions sessions, PlatformTransactions platform, SignOutEverywhere signOutEverywhere) {
        this.signOutEverywhere = signOutEverywhere;
        this.sessions = sessions;
        this.platform = platform;
    }

    public record Membership(UUID tenantId, String slug, String name, String role) {
    }

    public record Me(UUID userId, String email, boolean emailVerified, String displayName,
                     List<Membership> memberships) {
    }

    public record SessionView(UUID id, Instant createdAt, Instant lastSeenAt, Instant expiresAt, String userAgent,
                              boolean current) {
    }

    @Operation(summary = "Who am I",
            description = "The signed-in person and the tenants they belong to, with their roles.")
    @GET
    @RequiresSignIn
    public Me me(@Context ContainerRequestContext request) {
        UUID user = SignedInUser.of(request).userId();
        return platform.withDao(MeDao.class, dao -> {
            List<Membership> memberships = dao.memberships(user);  // as PersonMemberships.of
            MeDao.Person person = dao.person(user).orElseThrow();
            return new Me(user, person.email(), person.emailVerified(), person.displayName(), memberships);
        });
    }

    @Operation(summary = "List my sessions")
    @GET
    @Path("/sessions")
    @RequiresSignIn
    public Map<String, List<SessionView>> list(@Context ContainerRequestContext request) {
        SignedInUser user = SignedInUser.of(request);
        return Map.of("data", sessions.activeSessionsOf(user.userId()).stream()
                .map(s -> new SessionView(s.publicId(), s.createdAt(), s.lastSeenAt(), s.absoluteExpiresAt(),
                        s.userAgent(), s.publicId().equals(user.sessionId())))
                .toList());
    }

    @Operation(summary = "End one of my sessions")
    @DELETE
    @Path("/sessions/{id}")
    @RequiresSignIn
    public Response revoke(@Context ContainerRequestContext request, @PathParam("id") UUID id) {
        if (!sessions.revoke(SignedInUser.of(request).userId(), id)) {
            throw DomainException.notFound("Session");
        }
        return Response.noContent().build();
    }

    /** Sign out everywhere: every session of this person ends, this one included. */
    @Operation(summary = "Sign out everywhere",
            description = "Every session of this person ends, this one included.")
    @POST
    @Path("/sessions/revoke-all")
    @RequiresSignIn
    public Response revokeAll(@Context ContainerRequestContext request) {
        signOutEverywhere.of(SignedInUser.of(request).userId());
        return Response.noContent()
                .header(HttpHeaders.SET_COOKIE, SessionCookie.clear(SessionCookie.NAME))
                .header(HttpHeaders.SET_COOKIE, SessionCookie.clear(SessionCookie.CSRF_NAME))
                .build();
    }
}
