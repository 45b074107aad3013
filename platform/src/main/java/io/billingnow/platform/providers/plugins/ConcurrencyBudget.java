package io.billingnow.platform.providers.plugins;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A bulkhead: at most {@code limit} calls in flight per key (a tenant, a provider). A key's counter exists only while
 * it has calls in flight and is removed with its last release, so the map is bounded by the calls in flight (which
 * the plugin pool bounds) and no eviction can ever drop a busy counter and hand its key a fresh budget; this is why
 * it is not a size- or time-evicted cache.
 */
final class ConcurrencyBudget {

    private final int limit;
    private final Map<String, Integer> inFlight = new ConcurrentHashMap<>();

    ConcurrencyBudget(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        this.limit = limit;
    }

    /** One call's share of a key's budget; releasing it more than once has no further effect. */
    final class Permit {
        private final String key;
        private final AtomicBoolean released = new AtomicBoolean();

        private Permit(String key) {
            this.key = key;
        }

        void release() {
            if (released.compareAndSet(false, true)) {
                inFlight.computeIfPresent(key, (k, n) -> n <= 1 ? null : n - 1);
            }
        }
    }

    /** A permit, or empty when the key already has {@code limit} calls in flight. Never waits. */
    Optional<Permit> tryAcquire(String key) {
        boolean[] granted = new boolean[1];
        inFlight.compute(key, (k, n) -> {
            int current = n == null ? 0 : n;
            if (current >= limit) {
                return n;
            }
            granted[0] = true;
            return current + 1;
        });
        return granted[0] ? Optional.of(new Permit(key)) : Optional.empty();
    }
}
