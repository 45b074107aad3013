package io.billingnow.platform.dev;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Run as its own JVM by the tests: owns the dev cluster of the given data directory the way {@code billingnow dev}
 * does, writes one row, says READY and waits to be killed — with {@code kill -9}, so no shutdown hook stops PostgreSQL.
 */
public final class ClusterOwner {

    private ClusterOwner() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedDatabase database = EmbeddedDatabase.start(Path.of(args[0]));
        try (Connection c = DriverManager.getConnection(database.jdbcUrl(), "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS survivor (note text)");
            s.execute("INSERT INTO survivor VALUES ('written before the kill')");
        }
        System.out.println("READY " + database.port());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
