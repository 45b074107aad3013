package io.billingnow.platform.monitoring;

import io.billingnow.platform.ratelimit.RouteClass;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Temporary lockouts of an address or subject on one route class, raised automatically by alert rules and lifted
 * by time or by an operator. Held in this node's memory (see docs/security.md, "not yet covered").
 */
public final class Lockouts {

    /** One lockout; {@code target} is {@code address:<ip>} or a subject such as {@code credential:<fingerprint>}. */
    public record Lockout(String routeClass, String target, String reason, Instant since, Instant until) {

        String id() {
            return routeClass + "|" + target;
        }
    }

    private final Map<String, Lockout> active = new ConcurrentHashMap<>();
    private final Clock clock;

    public Lockouts(Clock clock) {
        this.clock = clock;
    }

    public void lock(RouteClass routeClass, String target, String reason, java.time.Duration duration) {
        Instant now = clock.instant();
        Lockout lockout = new Lockout(routeClass.wireName(), target, reason, now, now.plus(duration));
        active.merge(lockout.id(), lockout, (old, fresh) -> old.until().isAfter(fresh.until()) ? old : fresh);
    }

    /** The lockout in force for this target on this route class, if any. */
    public Optional<Lockout> find(RouteClass routeClass, String target) {
        if (target == null) {
            return Optional.empty();
        }
        String id = routeClass.wireName() + "|" + target;
        Lockout lockout = active.get(id);
        if (lockout == null) {
            return Optional.empty();
        }
        if (!lockout.until().isAfter(clock.instant())) {
            active.remove(id, lockout);
            return Optional.empty();
        }
        return Optional.of(lockout);
    }

    /** How long the lockout still lasts. */
    public java.time.Duration remaining(Lockout lockout) {
        return java.time.Duration.between(clock.instant(), lockout.until());
    }

    public List<Lockout> list() {
        Instant now = clock.instant();
        active.values().removeIf(l -> !l.until().isAfter(now));
        return active.values().stream().sorted(Comparator.comparing(Lockout::since)).toList();
    }

    /** Lifts matching lockouts (all when both arguments are null); returns how many. */
    public int lift(String routeClass, String target) {
        int before = active.size();
        active.values().removeIf(l -> (routeClass == null || l.routeClass().equals(routeClass))
                && (target == null || l.target().equals(target)));
        return before - active.size();
    }
}
