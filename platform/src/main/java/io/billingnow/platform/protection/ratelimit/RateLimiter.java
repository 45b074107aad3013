package io.billingnow.platform.protection.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Optional;

/** Takes one token from the bucket of a route class and a scope (address, credential, tenant). */
public final class RateLimiter {

    /** What a bucket is counted by. */
    public enum Scope { ADDRESS, CREDENTIAL, TENANT }

    private final RateLimitSettings settings;
    private final BucketStore store;

    public RateLimiter(RateLimitSettings settings, BucketStore store) {
        this.settings = settings;
        this.store = store;
    }

    /** Empty when the request may go on; otherwise how long the caller should wait. */
    public Optional<Duration> refusal(RouteClass routeClass, Scope scope, String who) {
        if (!settings.isEnabled() || who == null) {
            return Optional.empty();
        }
        RouteLimits limits = settings.limits(routeClass);
        Limit limit = switch (scope) {
            case ADDRESS -> limits.perAddress();
            case CREDENTIAL -> limits.perCredential();
            case TENANT -> limits.perTenant();
        };
        if (!limit.enabled()) {
            return Optional.empty();
        }
        // A credential's name already says what it is (credential:, session:, webhook:, paylink:).
        String key = routeClass.wireName() + ":" + switch (scope) {
            case ADDRESS -> "address:" + who;
            case CREDENTIAL -> who;
            case TENANT -> "tenant:" + who;
        };
        ConsumptionProbe probe = store.bucket(key, () -> configuration(limit)).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    private static BucketConfiguration configuration(Limit limit) {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(limit.requests()).refillGreedy(limit.requests(), limit.period())
                        .build())
                .build();
    }

    /** Whole seconds, at least one: what {@code Retry-After} says. */
    public static long retryAfterSeconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
