package io.billingnow.platform.protection.ratelimit;

import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;

/** Builds the configured bucket store and ties its lifecycle to the application's. */
public final class BucketStores {

    private BucketStores() {
    }

    public static BucketStore create(RateLimitSettings settings, DataSourceFactory database, Environment environment) {
        if (settings.getBackend() == RateLimitSettings.Backend.MEMORY) {
            return new MemoryBucketStore();
        }
        ManagedDataSource dataSource = database.build(environment.metrics(), "rate-limits");
        environment.lifecycle().manage(dataSource);
        PostgresBucketStore store = new PostgresBucketStore(dataSource, settings.getCleanupInterval());
        environment.lifecycle().manage(store);
        return store;
    }
}
