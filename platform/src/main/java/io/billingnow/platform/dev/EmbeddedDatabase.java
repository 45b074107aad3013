package io.billingnow.platform.dev;

import io.billingnow.platform.db.DatabaseRoles;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
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
        Path cluster = dataDirectory.resolve("postgres");
        Files.createDirectories(cluster);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(cluster)
                .setCleanDataDirectory(false)
                .start();
        EmbeddedDatabase database = new EmbeddedDatabase(postgres);
        try (Connection superuser = database.superuser("postgres")) {
            DatabaseRoles.createRoles(superuser, null, null);
            DatabaseRoles.createDatabase(superuser, DATABASE, null);
        }
        return database;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
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
