package io.billingnow.platform.protection.monitoring;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The platform's list of security events ({@code security_events}): platform data that belongs to no tenant, so it
 * takes no tenant; an event that has one is also written to that tenant's audit log.
 */
@RegisterConstructorMapper(SecurityEventList.Entry.class)
public interface SecurityEventDao {

    @SqlUpdate("""
            INSERT INTO security_events (id, occurred_at, kind, route_class, tenant_id, address, subject, detail,
                                         request_id)
            VALUES (:id, :at, :kind, :route, CAST(:tenant AS uuid), :address, :subject, :detail, :requestId)""")
    void insert(@Bind("id") UUID id, @Bind("at") Instant at, @Bind("kind") String kind,
                @Bind("route") String routeClass, @Bind("tenant") UUID tenant, @Bind("address") String address,
                @Bind("subject") String subject, @Bind("detail") String detail, @Bind("requestId") String requestId);

    /** Events after the cursor, oldest first; a null filter value does not filter. */
    @SqlQuery("""
            SELECT id, occurred_at, kind, route_class, tenant_id, address, subject, detail, request_id
            FROM security_events
            WHERE (CAST(:kind AS text) IS NULL OR kind = :kind)
              AND (CAST(:since AS timestamptz) IS NULL OR occurred_at >= CAST(:since AS timestamptz))
              AND (CAST(:until AS timestamptz) IS NULL OR occurred_at < CAST(:until AS timestamptz))
              AND (CAST(:tenant AS uuid) IS NULL OR tenant_id = CAST(:tenant AS uuid))
              AND (CAST(:address AS text) IS NULL OR address = :address)
              AND (occurred_at, id) > (:afterAt, :afterId)
            ORDER BY occurred_at, id LIMIT :limit""")
    List<SecurityEventList.Entry> page(@Bind("kind") String kind, @Bind("since") Instant since,
                                       @Bind("until") Instant until, @Bind("tenant") UUID tenant,
                                       @Bind("address") String address, @Bind("afterAt") Instant afterAt,
                                       @Bind("afterId") UUID afterId, @Bind("limit") int limit);
}
