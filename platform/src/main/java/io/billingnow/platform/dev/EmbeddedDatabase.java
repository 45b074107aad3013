package io.billingnow.platform.dev;

import io.billingnow.platform.db.DatabaseRoles;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The dev-mode PostgreSQL 17: embedded, with its cluster kept under {@code ./data/postgres} so data survives a
 * restart, and the roles and database of a real deployment created on first start.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String DATABASE = "billingnow";

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static EmbeddedDatabase start(Path dataDirectory) throws IOException, SQLException {
        return start(dataDirectory, System.out);
    }

    /** Starts the cluster, first stopping one an earlier, killed run left behind ({@link StaleCluster}). */
    public static EmbeddedDatabase start(Path dataDirectory, PrintStream out) throws IOException, SQLException {
        Path cluster = cluster(dataDirectory);
        Files.createDirectories(cluster);
        StaleCluster.clear(cluster, out);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(cluster)
                .setCleanDataDirectory(false)
                // zonky's defaults are for throw-away test clusters (it passes -F, and synchronous_commit=off):
                // dev data is meant to survive a restart and a power cut, and numbers once issued stay issued.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .start();
        EmbeddedDatabase database = new EmbeddedDatabase(postgres);
        try (Connection superuser = database.superuser("postgres")) {
            DatabaseRoles.createRoles(superuser, null, null);
            DatabaseRoles.createDatabase(superuser, DATABASE, null);
        }
        return database;
    }

    static Path cluster(Path dataDirectory) {
        return dataDirectory.resolve("postgres").toAbsolutePath().normalize();
    }

    static String jdbcUrl(int port) {
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
    }

    public String jdbcUrl() {
        return jdbcUrl(postgres.getPort());
    }

    public int port() {
        return postgres.getPort();
    }

    private Connection superuser(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database,
                "postgres", "");
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
