package io.billingnow.platform.protection.monitoring;

import java.time.Duration;
import java.time.Instant;

/**
 * Counts events per alert-rule key over a sliding window of exact timestamps. Each key keeps at most the rule's
 * threshold of timestamps, so a key costs a bounded amount however many events it sees.
 */
public interface AlertWindows {

    /** Records one event at {@code now} and returns how many fall within {@code window} (this one included). */
    int record(String key, Instant now, Duration window, int cap);

    /** Starts the key's window afresh (after it raised an alert). */
    void reset(String key);
}
