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
        platform.autocommit(LockoutDao.class, dao -> dao.lock(routeClass.wireName(), target, reason, now, now.plus(duration)));
    }

    /**
     * The lockout in force for one of these targets on this route class, if any (the one lasting longest). One
     * statement for all targets of a request, on the primary key.
     */
    public Optional<Lockout> find(RouteClass routeClass, List<String> targets) {
        if (targets.isEmpty()) {
            return Optional.empty();
        }
        return platform.lookup(LockoutDao.class, dao -> dao.find(routeClass.wireName(), targets, clock.instant()));
    }

    /** How long the lockout still lasts. */
    public Duration remaining(Lockout lockout) {
        return Duration.between(clock.instant(), lockout.until());
    }

    /** The lockouts in force, oldest first; expired rows are deleted on the way. */
    public List<Lockout> list() {
        Instant now = clock.instant();
        return platform.withDao(LockoutDao.class, dao -> {
            dao.deleteExpired(now);
            return dao.list();
        });
    }

    /** Lifts matching lockouts (all when both arguments are null); returns how many were in force. */
    public int lift(String routeClass, String target) {
        Instant now = clock.instant();
        return (int) platform.withDao(LockoutDao.class, dao -> dao.lift(routeClass, target)).stream()
                .filter(until -> until.isAfter(now))
                .count();
    }
}
