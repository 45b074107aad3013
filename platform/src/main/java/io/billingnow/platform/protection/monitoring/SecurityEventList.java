package io.billingnow.platform.protection.monitoring;

import io.billingnow.platform.core.tx.PlatformTransactions;
import io.billingnow.platform.core.paging.Cursor;
import io.billingnow.platform.core.paging.Page;
import java.time.Instant;
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
        List<Entry> rows = platform.lookup(SecurityEventDao.class, dao -> dao.page(
                filter.kind() == null ? null : filter.kind().wireName(), filter.since(), filter.until(),
                filter.tenant(), filter.address(), after.createdAt(), after.id(), limit + 1));
        return Page.of(rows, limit, Entry::occurredAt, Entry::id);
    }
}
