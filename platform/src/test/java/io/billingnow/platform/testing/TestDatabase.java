package io.billingnow.platform.testing;

import io.billingnow.platform.db.DatabaseRoles;
import io.dropwizard.testing.ConfigOverride;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** One migrated test database, reachable as the app role, the owner role or a superuser. */
public final class TestDatabase {

    private final TestPostgres server;
    private final String name;

    TestDatabase(TestPostgres server, String name) {
        this.server = server;
        this.name = name;
    }

    public String name() {
        return name;
    }

    public String jdbcUrl() {
        return server.jdbcUrl(name);
    }

    /** Connected as the application role, which row-level security applies to. */
    public Connection appConnection() throws SQLException {
        return server.connectionAs(name, DatabaseRoles.APP);
    }

    public Connection ownerConnection() throws SQLException {
        return server.connectionAs(name, DatabaseRoles.OWNER);
    }

    /** Bypasses row-level security and triggers: only for tests that play an attacker with database access. */
    public Connection superuserConnection() throws SQLException {
        return server.superuserConnection(name);
    }

    /** Points a DropwizardAppExtension's database settings at this database. */
    public List<ConfigOverride> configOverrides() {
        List<ConfigOverride> overrides = new ArrayList<>();
        overrides.add(ConfigOverride.config("database.url", jdbcUrl()));
        overrides.add(ConfigOverride.config("database.user", DatabaseRoles.APP));
        overrides.add(ConfigOverride.config("database.password", ""));
        overrides.add(ConfigOverride.config("migrationDatabase.url", jdbcUrl()));
        overrides.add(ConfigOverride.config("migrationDatabase.user", DatabaseRoles.OWNER));
        overrides.add(ConfigOverride.config("migrationDatabase.password", ""));
        return overrides;
    }
}
