package io.billingnow.platform.db;

import io.billingnow.platform.core.tx.TenantArgumentFactory;
import io.billingnow.platform.core.tx.TenantTransactions;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/** Configures a Jdbi the way every part of the platform expects it. */
public final class Databases {

    private Databases() {
    }

    public static Jdbi configure(Jdbi jdbi) {
        jdbi.installPlugin(new SqlObjectPlugin());
        // Replaces Dropwizard's name-prepending engine, whose output Jdbi cannot cache (see the class).
        jdbi.setTemplateEngine(new NamedStatementTemplateEngine());
        jdbi.registerArgument(new TenantArgumentFactory());
        return jdbi;
    }

    /**
     * Refuses to start when the application role's transactions would not run at READ COMMITTED: every
     * transaction relies on that default instead of asking for it (see {@link TenantTransactions}), and the code's
     * locking is written for it (row locks taken first, no retry of serialization failures).
     */
    public static void requireReadCommitted(Jdbi jdbi) {
        String level = jdbi.withHandle(h -> h.createQuery("SHOW default_transaction_isolation")
                .mapTo(String.class).one());
        if (!"read committed".equalsIgnoreCase(level)) {
            throw new IllegalStateException("default_transaction_isolation is '" + level
                    + "' for the application's database role; BillingNow needs 'read committed'");
        }
    }

}
