package io.billingnow.bench.load;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What PostgreSQL executed during a scenario's recorded window, from {@code pg_stat_statements} (which load.sh
 * preloads): statements sent, explicit transactions and statements run inside them, per completed operation,
 * and the statements that ran most often. Round trips are what a request waits for on this machine, so the count per
 * operation is the figure to drive down; it does not depend on how busy the machine is.
 */
final class StatementProfile {

    private static final int TOP = 15;

    private final String jdbc;
    private final String user;

    StatementProfile(String jdbc, String user) {
        this.jdbc = jdbc;
        this.user = user;
    }

    /** Forgets everything counted so far; called when a scenario's recorded window opens. */
    void reset() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("SELECT pg_stat_statements_reset()");
        }
    }

    /**
     * The counts since {@link #reset}, divided by {@code operations} (the scenario's completed operations).
     * "Statements" are those the platform sent (top level: each one a round trip, BEGIN included, except that the
     * driver sends BEGIN together with the first statement); "nested" are those PostgreSQL ran inside them
     * (foreign-key checks, the resolver functions' queries), which cost server time but no round trip.
     */
    Map<String, Object> since(long operations) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            long transactions = 0;
            long total = 0;
            long nested = 0;
            List<Map<String, Object>> top = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("""
                    SELECT toplevel, calls, total_exec_time,
                           left(regexp_replace(query, '\\s+', ' ', 'g'), 90) AS query
                    FROM pg_stat_statements
                    WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
                      AND query NOT LIKE '%pg_stat_statements%'
                    ORDER BY calls DESC""")) {
                while (rs.next()) {
                    long calls = rs.getLong("calls");
                    if (!rs.getBoolean("toplevel")) {
                        nested += calls;
                        continue;
                    }
                    total += calls;
                    if (rs.getString("query").equalsIgnoreCase("BEGIN")) {
                        transactions += calls;
                    }
                    if (top.size() < TOP) {
                        Map<String, Object> row = new LinkedHashMap<>();
                        row.put("calls", calls);
                        row.put("perOperation", per(calls, operations));
                        row.put("meanMs", Latencies.round(rs.getDouble("total_exec_time") / Math.max(1, calls)));
                        row.put("query", rs.getString("query"));
                        top.add(row);
                    }
                }
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("operations", operations);
            out.put("statements", total);
            out.put("statementsPerOperation", per(total, operations));
            out.put("explicitTransactionsPerOperation", per(transactions, operations));
            out.put("nestedStatementsPerOperation", per(nested, operations));
            out.put("top", top);
            return out;
        }
    }

    private static double per(long count, long operations) {
        return operations == 0 ? 0 : Latencies.round((double) count / operations);
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbc, user, "");
    }
}
