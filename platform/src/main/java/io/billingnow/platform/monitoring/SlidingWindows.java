package io.billingnow.platform.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Counts events per key over a sliding window of exact timestamps (bounded: thresholds are small). */
final class SlidingWindows {

    private static final int MAX_KEYS = 100_000;

    private final Map<String, Deque<Instant>> windows = new ConcurrentHashMap<>();

    /** Records one event at {@code now} and returns how many fall within {@code window} (this one included). */
    int record(String key, Instant now, Duration window, int cap) {
        if (windows.size() > MAX_KEYS) {
            windows.clear();
        }
        Deque<Instant> times = windows.computeIfAbsent(key, k -> new ArrayDeque<>());
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

    void reset(String key) {
        windows.remove(key);
    }
}
