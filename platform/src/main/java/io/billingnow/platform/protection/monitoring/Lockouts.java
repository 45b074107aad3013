package io.billingnow.platform.protection.monitoring;

import io.billingnow.platform.core.tx.PlatformTransactions;
import io.billingnow.platform.protection.ratelimit.RouteClass;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Temporary lockouts of an address or subject on one route class, raised automatically by alert rules and lifted by
 * time, by an operator through the API or by {@code billingnow security lockouts lift}. They live in the platform
 * table {@code security_lockouts}, so every node refuses the same targets and a lift anywhere lifts everywhere.
 */
public final class Lockouts {

    /** One lockout; {@code target} is {@code address:<ip>} or a subject such as {@code credential:<fingerprint>}. */
    public record Lockout(String routeClass, String target, String reason, Instant since, Instant until) {
    }

    private final PlatformTransactions platform;
    private final Clock clock;

    public Lockouts(PlatformTransactions platform, Clock clock) {
        this.platform = platform;
        this.clock = clock;
    }

    /** Locks the target out for {@code duration}; a longer lockout already in force is kept. */
    public void lock(RouteClass routeClass, String target, String reason, Duration duration) {
        Instant now = clock.instant();
        platform.lookup(h -> h.createUpdate("""
                        INSERT INTO security_lockouts (route_class, target, reason, since, until)
                        VALUES (:route, :target, :reason, :now, :until)
                        ON CONFLICT (route_class, target) DO UPDATE
                        SET reason = EXCLUDED.reason, since = EXCLUDED.since, until = EXCLUDED.until
                        WHERE security_lockouts.until < EXCLUDED.until""")
                .bind("route", routeClass.wireName())
                .bind("target", target)
                .bind("reason", reason)
                .bind("now", now)
                .bind("until", now.plus(duration))
                .execute());
    }

    /**
     * The lockout in force for one of these targets on this route class, if any (the one lasting longest). One
     * statement for all targets of a request, on the primary key.
     */
    public Optional<Lockout> find(RouteClass routeClass, List<String> targets) {
        if (targets.isEmpty()) {
            return Optional.empty();
        }
        return platform.lookup(h -> h.createQuery("""
                        SELECT route_class, target, reason, since, until FROM security_lockouts
                        WHERE route_class = :route AND target IN (<targets>) AND until > :now
                        ORDER BY until DESC LIMIT 1""")
                .bind("route", routeClass.wireName())
                .bindList("targets", targets)
                .bind("now", clock.instant())
                .map((rs, ctx) -> lockout(rs))
                .findOne());
    }

    /** How long the lockout still lasts. */
    public Duration remaining(Lockout lockout) {
        return Duration.between(clock.instant(), lockout.until());
    }

    /** The lockouts in force, oldest first; expired rows are deleted on the way. */
    public List<Lockout> list() {
        Instant now = clock.instant();
        return platform.inTransaction(h -> {
            h.createUpdate("DELETE FROM security_lockouts WHERE until <= :now").bind("now", now).execute();
            return h.createQuery("""
                            SELECT route_class, target, reason, since, until FROM security_lockouts
                            ORDER BY since, route_class, target""")
                    .map((rs, ctx) -> lockout(rs))
                    .list();
        });
    }

    /** Lifts matching lockouts (all when both arguments are null); returns how many were in force. */
    public int lift(String routeClass, String target) {
        Instant now = clock.instant();
        return platform.inTransaction(h -> h.createQuery("""
                        DELETE FROM security_lockouts
                        WHERE (CAST(:route AS text) IS NULL OR route_class = :route)
                          AND (CAST(:target AS text) IS NULL OR target = :target)
                        RETURNING until""")
                .bind("route", routeClass)
                .bind("target", target)
                .mapTo(Instant.class)
                .list()
                .stream()
                .filter(until -> until.isAfter(now))
                .count()).intValue();
    }

    private static Lockout lockout(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Lockout(rs.getString("route_class"), rs.getString("target"), rs.getString("reason"),
                rs.getObject("since", java.time.OffsetDateTime.class).toInstant(),
                rs.getObject("until", java.time.OffsetDateTime.class).toInstant());
    }
}
