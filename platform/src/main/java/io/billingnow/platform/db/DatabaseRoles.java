package io.billingnow.platform.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * Creates the three roles and the database the platform expects, idempotently, through a superuser connection.
 * Production does the same with {@code ops/db/bootstrap.sql}; dev mode and the tests call this.
 *
 * <ul>
 *   <li>{@value #OWNER}: owns the schema; only migrations connect as it.</li>
 *   <li>{@value #APP}: what the running platform connects as. Owns nothing, so row-level security always applies.</li>
 *   <li>{@value #RESOLVER}: cannot log in; owns the few functions that map a public secret to its tenant, and
 *       those that name the tenants a background job has work for (two columns of the rows concerned, no secret).</li>
 * </ul>
 */
public final class DatabaseRoles {

    public static final String OWNER = "billingnow_owner";
    public static final String APP = "billingnow_app";
    public static final String RESOLVER = "billingnow_resolver";

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private DatabaseRoles() {
    }

    /** Creates the roles if missing, with the given passwords (null: no password, for trust authentication). */
    public static void createRoles(Connection superuser, String ownerPassword, String appPassword) throws SQLException {
        createRole(superuser, OWNER, true, ownerPassword);
        createRole(superuser, APP, true, appPassword);
        createRole(superuser, RESOLVER, false, null);
        try (Statement s = superuser.createStatement()) {
            s.execute("GRANT " + RESOLVER + " TO " + OWNER);
        }
    }

    /** Creates a database owned by the owner role, optionally as a copy of a template database. */
    public static void createDatabase(Connection superuser, String name, String template) throws SQLException {
        requireIdentifier(name);
        if (exists(superuser, "SELECT 1 FROM pg_database WHERE datname = ?", name)) {
            return;
        }
        try (Statement s = superuser.createStatement()) {
            String copy = template == null ? "" : " TEMPLATE " + requireIdentifier(template);
            s.execute("CREATE DATABASE " + name + copy + " OWNER " + OWNER);
        }
    }

    private static void createRole(Connection superuser, String role, boolean login, String password)
            throws SQLException {
        if (exists(superuser, "SELECT 1 FROM pg_roles WHERE rolname = ?", role)) {
            return;
        }
        try (Statement s = superuser.createStatement()) {
            String loginClause = login ? "LOGIN" : "NOLOGIN";
            s.execute("CREATE ROLE " + role + " " + loginClause + " NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS");
        }
        if (password != null) {
            // The password is bound by the server, never concatenated into SQL text that might be logged.
            try (PreparedStatement ps = superuser.prepareStatement("SELECT format('ALTER ROLE %I PASSWORD %L', ?, ?)")) {
                ps.setString(1, role);
                ps.setString(2, password);
                try (var rs = ps.executeQuery(); Statement s = superuser.createStatement()) {
                    rs.next();
                    s.execute(rs.getString(1));
                }
            }
        }
    }

    private static boolean exists(Connection c, String sql, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, name);
            try (var rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static String requireIdentifier(String name) {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain database identifier: " + name);
        }
        return name;
    }
}
