package io.billingnow.platform.protection.monitoring;

import io.billingnow.platform.core.errors.DomainException;
import io.billingnow.platform.identity.auth.Callers;
import io.billingnow.platform.identity.auth.RequiresOperator;
import io.billingnow.platform.protection.ratelimit.RouteClass;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Arrays;
import java.util.List;

/**
 * Lockouts in force on every node. Auditors may list them; operators lift them, all at once or narrowed by
 * {@code routeClass} and {@code target}. Lifting is itself a security event.
 */
@Path("/admin/v1/security/lockouts")
@Produces(MediaType.APPLICATION_JSON)
public final class LockoutsResource {

    private final SecurityEvents events;

    public LockoutsResource(SecurityEvents events) {
        this.events = events;
    }

    public record LockoutList(List<Lockouts.Lockout> data) {
    }

    public record Lifted(int lifted) {
    }

    @Operation(summary = "List lockouts in force",
            description = "Lockouts on every node, after repeated failed attempts.")
    @GET
    @RequiresOperator(readOnly = true)
    public LockoutList list() {
        return new LockoutList(events.lockouts().list());
    }

    @Operation(summary = "Lift lockouts",
            description = "Lifts all lockouts, or only those of a route class and/or target (query parameters "
            + "routeClass, target).")
    @DELETE
    @RequiresOperator
    public Lifted lift(@Context SecurityContext security, @QueryParam("routeClass") String routeClass,
                       @QueryParam("target") String target) {
        if (routeClass != null && Arrays.stream(RouteClass.values()).noneMatch(r -> r.wireName().equals(routeClass))) {
            throw DomainException.invalid("/routeClass", "Unknown route class");
        }
        if (target != null && target.length() > 200) {
            throw DomainException.invalid("/target", "Too long");
        }
        int lifted = events.lockouts().lift(routeClass, target);
        events.record(new SecurityEvent(SecurityEventKind.LOCKOUT_LIFTED, null, null, null, target,
                lifted + " lifted by " + Callers.operator(security).getName()));
        return new Lifted(lifted);
    }
}
