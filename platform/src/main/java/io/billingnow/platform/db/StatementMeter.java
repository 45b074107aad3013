package io.billingnow.platform.db;

import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import java.sql.SQLException;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Counts every SQL statement the platform's Jdbi executes in the meter {@value #NAME}, so that round trips per flow
 * can be measured (and bounded by tests) without code in any DAO. A batch counts once: it is sent as one execution.
 * Statements run on a raw JDBC connection outside Jdbi are not seen.
 *
 * <p>Jdbi holds one {@link SqlLogger}: Dropwizard's per-statement timers are kept by calling them first.
 */
public final class StatementMeter implements SqlLogger {

    public static final String NAME = "db.statements";

    private final SqlLogger next;
    private final Meter statements;

    private StatementMeter(SqlLogger next, Meter statements) {
        this.next = next;
        this.statements = statements;
    }

    /** Installs the meter in front of whatever logger the Jdbi already has. */
    public static void install(Jdbi jdbi, MetricRegistry metrics) {
        SqlLogger current = jdbi.getConfig(SqlStatements.class).getSqlLogger();
        jdbi.setSqlLogger(new StatementMeter(current, metrics.meter(NAME)));
    }

    @Override
    public void logBeforeExecution(StatementContext context) {
        statements.mark();
        next.logBeforeExecution(context);
    }

    @Override
    public void logAfterExecution(StatementContext context) {
        next.logAfterExecution(context);
    }

    @Override
    public void logException(StatementContext context, SQLException ex) {
        next.logException(context, ex);
    }
}
