package io.billingnow.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.billingnow.platform.testing.TestDatabase;
import io.billingnow.platform.testing.TestPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The database's own line of defence, tested without any of our data-access code: raw SQL as the application role,
 * under tenant A's setting, against tenant B's rows.
 */
class RowLevelSecurityTest {

    private static TestDatabase db;
    private static final UUID TENANT_A = UUID.randomUUID();
    private static final UUID TENANT_B = UUID.randomUUID();
    private static final UUID CUSTOMER_OF_B = UUID.randomUUID();

    @BeforeAll
    static void twoTenantsWithOneCustomerEach() throws SQLException {
        db = TestPostgres.get().newDatabase();
        try (Connection app = db.appConnection()) {
            for (UUID tenant : List.of(TENANT_A, TENANT_B)) {
                try (PreparedStatement ps = app.prepareStatement("""
                        INSERT INTO tenants (id, slug, name, country, default_currency, status, created_at, updated_at)
                        VALUES (?, ?, 'T', 'DE', 'EUR', 'active', now(), now())""")) {
                    ps.setObject(1, tenant);
                    ps.setString(2, "t-" + tenant.toString().substring(0, 8));
                    ps.executeUpdate();
                }
            }
            app.setAutoCommit(false);
            setTenant(app, TENANT_B);
            try (PreparedStatement ps = app.prepareStatement("""
                    INSERT INTO customers (tenant_id, id, name, created_at, updated_at)
                    VALUES (?, ?, 'Customer of B', now(), now())""")) {
                ps.setObject(1, TENANT_B);
                ps.setObject(2, CUSTOMER_OF_B);
                ps.executeUpdate();
            }
            app.commit();
        }
    }

    @Test
    void tenantACannotReadTenantBRowsEvenWithoutAFilter() throws SQLException {
        try (Connection app = db.appConnection()) {
            app.setAutoCommit(false);
            setTenant(app, TENANT_A);
            assertThat(count(app, "SELECT count(*) FROM customers")).isZero();
            assertThat(count(app, "SELECT count(*) FROM customers WHERE tenant_id = '" + TENANT_B + "'")).isZero();
            app.rollback();
        }
    }

    @Test
    void tenantBSeesItsOwnRow() throws SQLException {
        try (Connection app = db.appConnection()) {
            app.setAutoCommit(false);
            setTenant(app, TENANT_B);
            assertThat(count(app, "SELECT count(*) FROM customers")).isEqualTo(1);
            app.rollback();
        }
    }

    @Test
    void withoutATenantNothingIsVisible() throws SQLException {
        try (Connection app = db.appConnection()) {
            assertThat(count(app, "SELECT count(*) FROM customers")).isZero();
        }
    }

    @Test
    void tenantACannotInsertARowForTenantB() throws SQLException {
        try (Connection app = db.appConnection()) {
            app.setAutoCommit(false);
            setTenant(app, TENANT_A);
            assertThatThrownBy(() -> {
                try (PreparedStatement ps = app.prepareStatement("""
                        INSERT INTO customers (tenant_id, id, name, created_at, updated_at)
                        VALUES (?, ?, 'Planted', now(), now())""")) {
                    ps.setObject(1, TENANT_B);
                    ps.setObject(2, UUID.randomUUID());
                    ps.executeUpdate();
                }
            }).isInstanceOf(SQLException.class).hasMessageContaining("row-level security");
            app.rollback();
        }
    }

    @Test
    void tenantACannotUpdateOrDeleteTenantBRows() throws SQLException {
        try (Connection app = db.appConnection()) {
            app.setAutoCommit(false);
            setTenant(app, TENANT_A);
            try (var s = app.createStatement()) {
                assertThat(s.executeUpdate("UPDATE customers SET name = 'hijacked'")).isZero();
                assertThat(s.executeUpdate("DELETE FROM customers")).isZero();
            }
            app.commit();
        }
        try (Connection app = db.appConnection()) {
            app.setAutoCommit(false);
            setTenant(app, TENANT_B);
            try (var s = app.createStatement(); var rs = s.executeQuery("SELECT name FROM customers")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("Customer of B");
            }
            app.rollback();
        }
    }

    @Test
    void theApplicationRoleCannotSwitchOffRowLevelSecurity() throws SQLException {
        try (Connection app = db.appConnection(); var s = app.createStatement()) {
            assertThatThrownBy(() -> s.execute("ALTER TABLE customers NO FORCE ROW LEVEL SECURITY"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("owner");
        }
        try (Connection app = db.appConnection(); var s = app.createStatement()) {
            assertThatThrownBy(() -> s.execute("SET row_security = off; SELECT count(*) FROM customers"))
                    .isInstanceOf(SQLException.class);
        }
    }

    /**
     * Platform tables whose {@code tenant_id} only says which tenant a row concerns, read on the platform path by
     * operators alone: {@code security_events} lists every security event for the admin console (docs/security.md,
     * "Listing security events"); the tenant's own copy of its events is in its audit log, under row-level security.
     */
    private static final java.util.Set<String> PLATFORM_TABLES_NAMING_A_TENANT = java.util.Set.of("security_events");

    @Test
    void everyTableWithATenantColumnHasForcedRowLevelSecurityAndAPolicy() throws SQLException {
        List<String> unprotected = new ArrayList<>();
        try (Connection owner = db.ownerConnection(); var s = owner.createStatement(); var rs = s.executeQuery("""
                SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity,
                       EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid AND p.polname = 'tenant_isolation')
                FROM pg_class c
                JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
                WHERE c.relkind = 'r'
                  AND EXISTS (SELECT 1 FROM pg_attribute a
                              WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped)""")) {
            int tables = 0;
            while (rs.next()) {
                tables++;
                if (PLATFORM_TABLES_NAMING_A_TENANT.contains(rs.getString(1))) {
                    continue;
                }
                if (!rs.getBoolean(2) || !rs.getBoolean(3) || !rs.getBoolean(4)) {
                    unprotected.add(rs.getString(1));
                }
            }
            assertThat(tables).isGreaterThan(5);
        }
        assertThat(unprotected).as("tenant tables without forced row-level security").isEmpty();
    }

    /** The resolver role answers "which tenant" questions; it must never read key material or stored responses. */
    @Test
    void theResolverRoleReadsOnlyTheColumnsItsFunctionsNeed() throws SQLException {
        try (Connection owner = db.ownerConnection(); var s = owner.createStatement()) {
            s.execute("SET ROLE " + DatabaseRoles.RESOLVER);
            s.executeQuery("SELECT tenant_id, state FROM data_keys").close();
            s.executeQuery("SELECT tenant_id, created_at FROM idempotency_keys").close();
            assertThatThrownBy(() -> s.executeQuery("SELECT wrapped_key FROM data_keys"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
            assertThatThrownBy(() -> s.executeQuery("SELECT response_body FROM idempotency_keys"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM idempotency_keys"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
        }
    }

    @Test
    void theApplicationRoleOwnsNoTable() throws SQLException {
        try (Connection owner = db.ownerConnection()) {
            assertThat(count(owner, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tableowner = '"
                    + DatabaseRoles.APP + "'")).isZero();
        }
    }

    private static void setTenant(Connection c, UUID tenant) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT set_config('billingnow.tenant_id', ?, true)")) {
            ps.setString(1, tenant.toString());
            ps.executeQuery().close();
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
