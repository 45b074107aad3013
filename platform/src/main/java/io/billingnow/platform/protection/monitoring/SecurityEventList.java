package io.billingnow.platform.protection.monitoring;

import io.billingnow.platform.core.tx.PlatformTransactions;
import io.billingnow.platform.core.paging.Cursor;
import io.billingnow.platform.core.paging.Page;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Reads the platform's list of security events ({@code security_events}) page by page, oldest first. */
public final class SecurityEventList {

    /** One listed event. {@code tenantId} is set when the event belongs to a tenant (it is also in its audit log). */
    public record Entry(UUID id, Instant occurredAt, String kind, String routeClass, UUID tenantId, String address,
                        String subject, String detail, String requestId) {
    }

    /** What to list; null fields do not filter. {@code since} is inclusive, {@code until} exclusive. */
    public record Filter(SecurityEventKind kind, Instant since, Instant until, UUID tenant, String address) {
    }

    private final PlatformTransactions platform;

    public SecurityEventList(PlatformTransactions platform) {
        this.platform = platform;
    }

    public Page<Entry> page(Filter filter, Cursor after, int limit) {
        List<Entry> rows = platform.lookup(h -> h.createQuery("""
                        SELECT id, occurred_at, kind, route_class, tenant_id, address, subject, detail, request_id
                        FROM security_events
                        WHERE (CAST(:kind AS text) IS NULL OR kind = :kind)
                          AND (CAST(:since AS timestamptz) IS NULL OR occurred_at >= CAST(:since AS timestamptz))
                          AND (CAST(:until AS timestamptz) IS NULL OR occurred_at < CAST(:until AS timestamptz))
                          AND (CAST(:tenant AS uuid) IS NULL OR tenant_id = CAST(:tenant AS uuid))
                          AND (CAST(:address AS text) IS NULL OR address = :address)
                          AND (occurred_at, id) > (:afterAt, :afterId)
                        ORDER BY occurred_at, id LIMIT :limit""")
                .bind("kind", filter.kind() == null ? null : filter.kind().wireName())
                .bind("since", filter.since())
                .bind("until", filter.until())
                .bind("tenant", filter.tenant())
                .bind("address", filter.address())
                .bind("afterAt", after.createdAt())
                .bind("afterId", after.id())
                .bind("limit", limit + 1)
                .map((rs, ctx) -> new Entry(rs.getObject("id", UUID.class),
                        rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getString("kind"),
                        rs.getString("route_class"), rs.getObject("tenant_id", UUID.class), rs.getString("address"),
                        rs.getString("subject"), rs.getString("detail"), rs.getString("request_id")))
                .list());
        return Page.of(rows, limit, Entry::occurredAt, Entry::id);
    }
}
