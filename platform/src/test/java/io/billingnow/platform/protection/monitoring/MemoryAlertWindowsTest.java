package io.billingnow.platform.protection.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The in-memory alert windows are bounded per key and in keys, and a flood of keys does not reset busy ones. */
class MemoryAlertWindowsTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void aKeyKeepsAtMostItsThresholdOfTimestampsAndForgetsWhatLeftTheWindow() {
        MemoryAlertWindows windows = new MemoryAlertWindows(Duration.ofHours(1), 100, Runnable::run);

        int last = 0;
        for (int i = 0; i < 1000; i++) {
            last = windows.record("key", START.plusMillis(i), Duration.ofMinutes(5), 7);
        }

        assertThat(last).isEqualTo(7);
        assertThat(windows.record("key", START.plus(Duration.ofMinutes(10)), Duration.ofMinutes(5), 7)).isEqualTo(1);
    }

    @Test
    void aFloodOfNewKeysStaysWithinTheBoundAndDoesNotWipeABusyKeysCount() {
        MemoryAlertWindows windows = new MemoryAlertWindows(Duration.ofHours(1), 100, Runnable::run);

        int busy = 0;
        for (int i = 0; i < 5000; i++) {
            windows.record("flood-" + i, START, Duration.ofHours(1), 1000);
            if (i % 10 == 0) {
                busy = windows.record("busy", START.plusMillis(i), Duration.ofHours(1), 1000);
            }
        }

        assertThat(windows.size()).isLessThanOrEqualTo(100);
        assertThat(busy).as("the busy key kept counting through 4,900 evictions").isEqualTo(500);
    }
}
