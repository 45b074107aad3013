package io.billingnow.platform.testing;

import com.codahale.metrics.Meter;
import io.billingnow.platform.db.StatementMeter;
import io.dropwizard.testing.junit5.DropwizardAppExtension;

/**
 * The SQL statements a running platform executes during a piece of work, read from its {@code db.statements} meter.
 * The meter counts the whole application, so the work must be the only thing running: the test's app should not
 * have a background job due (the key re-encryption pass runs every minute by default; see {@link #QUIET_JOBS}).
 */
public final class StatementCount {

    /** Moves the periodic key re-encryption pass out of the way of a measurement. */
    public static final io.dropwizard.testing.ConfigOverride QUIET_JOBS =
            io.dropwizard.testing.ConfigOverride.config("keys.reencryptionInterval", "1 day");

    private StatementCount() {
    }

    public static long during(DropwizardAppExtension<?> app, Runnable work) {
        Meter statements = app.getEnvironment().metrics().meter(StatementMeter.NAME);
        long before = statements.getCount();
        work.run();
        return statements.getCount() - before;
    }
}
