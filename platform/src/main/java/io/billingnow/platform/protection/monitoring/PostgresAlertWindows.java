package io.billingnow.platform.protection.monitoring;

import io.billingnow.platform.core.tx.PlatformTransactions;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Alert windows in the platform table {@code security_alert_windows} ({@code monitoring.alertWindows: postgresql},
 * the default), so that events seen by different nodes add up. One row per key holds at most the rule's threshold of
 * timestamps; one statement appends the event, drops what fell out of the window and counts, under the row's lock.
 * Rows whose window has passed are deleted every {@value #CLEANUP_EVERY} events recorded by this node.
 */
public final class PostgresAlertWindows implements AlertWindows {

    static final int CLEANUP_EVERY = 500;

    private final PlatformTransactions platform;
    private final AtomicLong recorded = new AtomicLong();

    public PostgresAlertWindows(PlatformTransactions platform) {
        this.platform = platform;
    }

    @Override
    public int record(String key, Instant now, Duration window, int cap) {
        if (recorded.incrementAndGet() % CLEANUP_EVERY == 0) {
            removeExpired(now);
        }
        return platform.lookup(AlertWindowDao.class, dao -> dao.record(key, now, now.minus(window),
                now.plus(window), cap));
    }

    @Override
    public void reset(String key) {
        platform.autocommit(AlertWindowDao.class, dao -> dao.reset(key));
    }

    /** Deletes the rows of keys without an event inside their window; returns how many went. */
    public int removeExpired(Instant now) {
        return platform.lookup(AlertWindowDao.class, dao -> dao.removeExpired(now));
    }
}
