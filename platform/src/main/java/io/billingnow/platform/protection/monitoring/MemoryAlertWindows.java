package io.billingnow.platform.protection.monitoring;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;

/**
 * Alert windows in this node's memory ({@code monitoring.alertWindows: memory}, for a single node): a Caffeine cache
 * bounded in size that forgets a key once its longest window has passed without events. A flood of distinct keys
 * evicts the least recently used ones instead of clearing every window at once.
 */
public final class MemoryAlertWindows implements AlertWindows {

    static final long MAX_KEYS = 100_000;

    private final Cache<String, Deque<Instant>> windows;

    public MemoryAlertWindows(Duration longestWindow) {
        this(longestWindow, MAX_KEYS, ForkJoinPool.commonPool());
    }

    /** Tests choose a small bound and run evictions on the calling thread. */
    MemoryAlertWindows(Duration longestWindow, long maxKeys, Executor maintenance) {
        this.windows = Caffeine.newBuilder()
                .maximumSize(maxKeys)
                .expireAfterAccess(longestWindow)
                .executor(maintenance)
                .build();
    }

    @Override
    public int record(String key, Instant now, Duration window, int cap) {
        Deque<Instant> times = windows.get(key, k -> new ArrayDeque<>());
        synchronized (times) {
            Instant oldest = now.minus(window);
            while (!times.isEmpty() && !times.peekFirst().isAfter(oldest)) {
                times.pollFirst();
            }
            times.addLast(now);
            while (times.size() > cap) {
                times.pollFirst();
            }
            return times.size();
        }
    }

    @Override
    public void reset(String key) {
        windows.invalidate(key);
    }

    /** How many keys are held now (after pending evictions ran). */
    long size() {
        windows.cleanUp();
        return windows.estimatedSize();
    }
}
