package io.billingnow.platform.db;

import io.billingnow.platform.core.tx.TenantArgumentFactory;
import io.billingnow.platform.core.tx.TenantTransactions;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.billingnow.platform.json.JsonConventions;
import io.dropwizard.jackson.Jackson;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.jackson2.Jackson2Config;
import org.jdbi.v3.jackson2.Jackson2Plugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/** Configures a Jdbi the way every part of the platform expects it. */
public final class Databases {

    private Databases() {
    }

    /**
     * For commands and tests that have no Dropwizard environment: jsonb columns through a mapper with the same
     * conventions as the platform's ({@link JsonConventions}), so what they store reads the same.
     */
    public static Jdbi configure(Jdbi jdbi) {
        return configure(jdbi, JsonConventions.apply(Jackson.newObjectMapper()));
    }

    /**
     * {@code json} reads and writes every jsonb column: a DAO parameter or row component annotated
     * {@code @Json} is written and read as jsonb ({@link JsonbArgumentFactory}), so stored JSON has the same property
     * names as the API's.
     */
    public static Jdbi configure(Jdbi jdbi, ObjectMapper json) {
        jdbi.installPlugin(new SqlObjectPlugin());
        jdbi.installPlugin(new Jackson2Plugin());
        jdbi.getConfig(Jackson2Config.class).setMapper(json);
        jdbi.registerArgument(new JsonbArgumentFactory());
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
