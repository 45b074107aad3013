package io.billingnow.platform.protection.monitoring;

import io.billingnow.platform.core.errors.DomainException;
import io.billingnow.platform.identity.auth.RequiresOperator;
import io.billingnow.platform.core.paging.Cursor;
import io.billingnow.platform.core.paging.Page;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;

/**
 * Security events for the admin console, oldest first, cursor-paginated like every list of the API and filtered by
 * {@code kind}, {@code since} (inclusive) / {@code until} (exclusive) instants, {@code tenant} and {@code address}.
 * Auditors may read it. Every event is listed, including those that belong to a tenant (which are also in that
 * tenant's audit log).
 */
@Path("/admin/v1/security/events")
@Produces(MediaType.APPLICATION_JSON)
public final class SecurityEventsResource {

    private final SecurityEventList events;

    public SecurityEventsResource(SecurityEventList events) {
        this.events = events;
    }

    @Operation(summary = "List security events",
            description = "Failed sign-ins, refused credentials, rate limiting and lockouts; filter by kind and "
            + "time (since, until).")
    @GET
    @RequiresOperator(readOnly = true)
    public Page<SecurityEventList.Entry> list(@QueryParam("kind") String kind, @QueryParam("since") String since,
                                              @QueryParam("until") String until, @QueryParam("tenant") String tenant,
                                              @QueryParam("address") String address,
                                              @QueryParam("cursor") String cursor,
                                              @QueryParam("limit") Integer limit) {
        int size = Cursor.limit(limit);
        Cursor after = Cursor.decode(cursor);
        if (address != null && (address.isBlank() || address.length() > 64)) {
            throw DomainException.invalid("/address", "an IP address");
        }
        return events.page(new SecurityEventList.Filter(kind(kind), instant("/since", since), instant("/until", until),
                tenant(tenant), address), after, size);
    }

    private static SecurityEventKind kind(String kind) {
        if (kind == null) {
            return null;
        }
        return Arrays.stream(SecurityEventKind.values()).filter(k -> k.wireName().equals(kind)).findFirst()
                .orElseThrow(() -> DomainException.invalid("/kind", "one of " + Arrays.stream(SecurityEventKind.values())
                        .map(SecurityEventKind::wireName).toList()));
    }

    private static Instant instant(String pointer, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw DomainException.invalid(pointer, "an ISO-8601 instant such as 2026-01-31T00:00:00Z");
        }
    }

    private static UUID tenant(String tenant) {
        if (tenant == null) {
            return null;
        }
        try {
            return UUID.fromString(tenant);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("/tenant", "a tenant id");
        }
    }
}
