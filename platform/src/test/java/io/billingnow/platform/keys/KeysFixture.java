package io.billingnow.platform.keys;

import io.billingnow.platform.audit.AuditLog;
import io.billingnow.platform.identity.auth.OperatorCaller;
import io.billingnow.platform.db.Databases;
import io.billingnow.platform.core.tx.PlatformTransactions;
import io.billingnow.platform.core.tx.TenantTransactions;
import io.billingnow.platform.keys.master.LocalMasterKey;
import io.billingnow.platform.keys.master.MasterKey;
import io.billingnow.platform.tenancy.TenantDefinition;
import io.billingnow.platform.core.TenantId;
import io.billingnow.platform.tenancy.TenantService;
import io.billingnow.platform.tenancy.TenantSettings;
import io.billingnow.platform.testing.TestDatabase;
import io.billingnow.platform.testing.TestPostgres;
import io.dropwizard.jackson.Jackson;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * A fresh database with the key machinery wired as the application wires it, plus a tenant table with an encrypted
 * column ({@code test_secrets.secret}) created the way a feature's migration would create it.
 */
final class KeysFixture {

    static final String TABLE = "test_secrets";
    static final String COLUMN = "secret";
    static final EncryptedColumn SECRETS = new EncryptedColumn(TABLE, COLUMN);

    final TestDatabase db;
    final Jdbi jdbi;
    final TenantTransactions tenantTx;
    final PlatformTransactions platformTx;
    final AuditLog audit;
    final TenantService tenants;

    KeysFixture() {
        db = TestPostgres.get().newDatabase();
        jdbi = Databases.configure(Jdbi.create(db.jdbcUrl(), "billingnow_app", ""));
        tenantTx = new TenantTransactions(jdbi);
        platformTx = new PlatformTransactions(jdbi);
        audit = new AuditLog(Jackson.newObjectMapper(), Clock.systemUTC());
        tenants = new TenantService(audit, Clock.systemUTC());
        try (Connection owner = db.ownerConnection(); Statement s = owner.createStatement()) {
            s.execute("""
                    CREATE TABLE test_secrets (
                        tenant_id uuid NOT NULL REFERENCES tenants (id),
                        id uuid NOT NULL,
                        secret bytea,
                        PRIMARY KEY (tenant_id, id))""");
            s.execute("SELECT billingnow_protect_tenant_table('test_secrets')");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static LocalMasterKey newMasterKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return LocalMasterKey.of(bytes);
    }

    static KeySettings settings() {
        return new KeySettings();
    }

    Keys open(MasterKey master, MasterKey previous, KeySettings settings) {
        Keys keys = Keys.open(master, previous, settings, platformTx, tenantTx, audit, Clock.systemUTC());
        tenants.addListener(keys.tenantKeys());
        keys.columns().register(SECRETS);
        return keys;
    }

    TenantId tenant(String slug) {
        return tenantTx.write(TenantId.random(), tx -> tenants.provision(tx,
                new TenantDefinition(slug, "Tenant " + slug, "DE", "EUR", TenantSettings.defaults()), operator())).id();
    }

    /** Offboards the tenant as the admin API does, in its own transaction. */
    void offboard(TenantId tenant) {
        tenantTx.write(tenant, tx -> tenants.offboard(tx, operator(), current -> { }));
    }

    static OperatorCaller operator() {
        return new OperatorCaller("test-operator", false);
    }

    static FieldContext field(TenantId tenant, UUID row) {
        return SECRETS.field(tenant, row.toString());
    }

    /** Inserts an encrypted secret the way a feature would; returns the row id. */
    UUID insertSecret(FieldEncryptor encryptor, TenantId tenant, String secret) {
        UUID id = UUID.randomUUID();
        byte[] ciphertext = encryptor.encryptString(field(tenant, id), secret);
        tenantTx.write(tenant, tx -> tx.handle()
                .createUpdate("INSERT INTO test_secrets (tenant_id, id, secret) VALUES (:tenant, :id, :secret)")
                .bind("tenant", tenant).bind("id", id).bind("secret", ciphertext).execute());
        return id;
    }

    byte[] storedSecret(TenantId tenant, UUID id) {
        return tenantTx.read(tenant, tx -> tx.handle()
                .createQuery("SELECT secret FROM test_secrets WHERE tenant_id = :tenant AND id = :id")
                .bind("tenant", tenant).bind("id", id).mapTo(byte[].class).one());
    }

    /** Audit actions recorded for a tenant, oldest first (read as a superuser, like an auditor's export). */
    List<String> auditActions(TenantId tenant) {
        return superuserStrings("SELECT action FROM audit_log WHERE tenant_id = ? ORDER BY seq", tenant.value());
    }

    List<String> superuserStrings(String sql, Object parameter) {
        try (Connection c = db.superuserConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, parameter);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
