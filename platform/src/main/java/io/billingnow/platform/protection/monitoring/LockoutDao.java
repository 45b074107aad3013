package io.billingnow.platform.protection.monitoring;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Lockouts in force ({@code security_lockouts}), one row per route class and target: platform data. */
@RegisterConstructorMapper(Lockouts.Lockout.class)
public interface LockoutDao {

    /** A longer lockout already in force is kept. */
    @SqlUpdate("""
            INSERT INTO security_lockouts (route_class, target, reason, since, until)
            VALUES (:route, :target, :reason, :now, :until)
            ON CONFLICT (route_class, target) DO UPDATE
            SET reason = EXCLUDED.reason, since = EXCLUDED.since, until = EXCLUDED.until
            WHERE security_lockouts.until < EXCLUDED.until""")
    void lock(@Bind("route") String routeClass, @Bind("target") String target, @Bind("reason") String reason,
              @Bind("now") Instant now, @Bind("until") Instant until);

    /** The longest lockout in force for any of the targets; one statement on the primary key. */
    @SqlQuery("""
            SELECT route_class, target, reason, since, until FROM security_lockouts
            WHERE route_class = :route AND target IN (<targets>) AND until > :now
            ORDER BY until DESC LIMIT 1""")
    Optional<Lockouts.Lockout> find(@Bind("route") String routeClass, @BindList("targets") List<String> targets,
                                    @Bind("now") Instant now);

    @SqlUpdate("DELETE FROM security_lockouts WHERE until <= :now")
    void deleteExpired(@Bind("now") Instant now);

    @SqlQuery("""
            SELECT route_class, target, reason, since, until FROM security_lockouts
            ORDER BY since, route_class, target""")
    List<Lockouts.Lockout> list();

    /** Deletes the matching lockouts (all when both are null); returns when each would have ended. */
    @SqlQuery("""
            DELETE FROM security_lockouts
            WHERE (CAST(:route AS text) IS NULL OR route_class = :route)
              AND (CAST(:target AS text) IS NULL OR target = :target)
            RETURNING until""")
    List<Instant> lift(@Bind("route") String routeClass, @Bind("target") String target);
}
