package io.billingnow.platform.testing;

import io.billingnow.platform.db.DatabaseRoles;
import io.billingnow.platform.db.SchemaMigrator;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL per test JVM, migrated once into a template database; every test gets a fresh copy of the
 * template (CREATE DATABASE … TEMPLATE takes milliseconds). Set {@code BILLINGNOW_TEST_PG_URL} (a superuser JDBC
 * URL, with BILLINGNOW_TEST_PG_USER / _PASSWORD) to use an external server instead of the embedded one.
 */
public final class TestPostgres {

    private static final String TEMPLATE = "billingnow_template";
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static TestPostgres instance;

    private final String host;
    private final int port;
    private final String superuser;
    private final String superuserPassword;

    private TestPostgres(String host, int port, String superuser, String superuserPassword) {
        this.host = host;
        this.port = port;
        this.superuser = superuser;
        this.superuserPassword = superuserPassword;
    }

    public static synchronized TestPostgres get() {
        if (instance == null) {
            instance = start();
            instance.prepareTemplate();
        }
        return instance;
    }

    /** A fresh, fully migrated database that no other test touches. */
    public TestDatabase newDatabase() {
        String name = "bn_test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        try (Connection c = superuserConnection("postgres")) {
            DatabaseRoles.createDatabase(c, name, TEMPLATE);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database", e);
        }
        return new TestDatabase(this, name);
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    Connection superuserConnection(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), superuser, superuserPassword);
    }

    Connection connectionAs(String database, String role) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), role, "");
    }

    private void prepareTemplate() {
        try (Connection c = superuserConnection("postgres")) {
            DatabaseRoles.createRoles(c, null, null);
            try (var s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + TEMPLATE);
            }
            DatabaseRoles.createDatabase(c, TEMPLATE, null);
        } catch (SQLException e) {
            throw new IllegalStateException("could not bootstrap test PostgreSQL", e);
        }
        try (Connection owner = connectionAs(TEMPLATE, DatabaseRoles.OWNER)) {
            SchemaMigrator.migrate(owner);
        } catch (Exception e) {
            throw new IllegalStateException("could not migrate the template database", e);
        }
    }

    private static TestPostgres start() {
        String external = System.getenv("BILLINGNOW_TEST_PG_URL");
        if (external != null && !external.isBlank()) {
            var uri = java.net.URI.create(external.substring("jdbc:".length()));
            return new TestPostgres(uri.getHost(), uri.getPort(),
                    System.getenv().getOrDefault("BILLINGNOW_TEST_PG_USER", "postgres"),
                    System.getenv().getOrDefault("BILLINGNOW_TEST_PG_PASSWORD", ""));
        }
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.close();
                } catch (IOException ignored) {
                    // the JVM is exiting; the temporary cluster directory is removed with it
                }
            }));
            return new TestPostgres("localhost", pg.getPort(), "postgres", "");
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL", e);
        }
    }
}
