package io.billingnow.platform.protection.ratelimit;

import io.dropwizard.lifecycle.Managed;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buckets in the {@code rate_limit_buckets} table through Bucket4j's select-for-update proxy manager: every node
 * consumes from the same row, so a limit holds across the cluster. Rows expire once their bucket would be full again
 * and are deleted periodically.
 */
public final class PostgresBucketStore implements BucketStore, Managed {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresBucketStore.class);

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private final Duration cleanupInterval;
    private ScheduledExecutorService cleanup;

    public PostgresBucketStore(DataSource dataSource, Duration cleanupInterval) {
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_buckets")
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                        Duration.ofMinutes(1)))
                .build();
        this.cleanupInterval = cleanupInterval;
    }

    @Override
    public Bucket bucket(String key, Supplier<BucketConfiguration> configuration) {
        return buckets.getProxy(key, configuration);
    }

    /** Deletes expired buckets in batches; returns how many went. */
    public int removeExpired() {
        int total = 0;
        for (int removed; (removed = buckets.removeExpired(1000)) > 0; ) {
            total += removed;
        }
        return total;
    }

    @Override
    public void start() {
        cleanup = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "rate-limit-cleanup");
            thread.setDaemon(true);
            return thread;
        });
        long seconds = Math.max(1, cleanupInterval.toSeconds());
        cleanup.scheduleWithFixedDelay(() -> {
            try {
                removeExpired();
            } catch (RuntimeException e) {
                LOG.warn("Deleting expired rate-limit buckets failed; retrying later", e);
            }
        }, seconds, seconds, TimeUnit.SECONDS);
    }

    @Override
    public void stop() {
        if (cleanup != null) {
            cleanup.shutdownNow();
        }
    }
}
