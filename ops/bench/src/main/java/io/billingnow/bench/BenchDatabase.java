package io.billingnow.bench;

import io.billingnow.platform.audit.AuditLog;
import io.billingnow.platform.db.DatabaseRoles;
import io.billingnow.platform.db.Databases;
import io.billingnow.platform.core.tx.PlatformTransactions;
import io.billingnow.platform.db.SchemaMigrator;
import io.billingnow.platform.core.tx.TenantTransactions;
import io.billingnow.platform.keys.KeySettings;
import io.billingnow.platform.keys.Keys;
import io.billingnow.platform.keys.master.MasterKey;
import io.billingnow.platform.core.TenantId;
import io.dropwizard.jackson.Jackson;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** An embedded PostgreSQL with the platform's schema, for benchmarks that go through the real key service. */
final class BenchDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final org.apache.tomcat.jdbc.pool.DataSource pool;
    final Jdbi jdbi;
    final TenantTransactions tenants;
    final PlatformTransactions platform;
    final AuditLog audit = new AuditLog(Jackson.newObjectMapper(), Clock.systemUTC());

    BenchDatabase() throws Exception {
        postgres = EmbeddedPostgres.builder()
                .setServerConfig("max_connections", "100")
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .start();
        String base = "jdbc:postgresql://localhost:" + postgres.getPort() + "/";
        try (Connection superuser = DriverManager.getConnection(base + "postgres", "postgres", "")) {
            DatabaseRoles.createRoles(superuser, null, null);
            DatabaseRoles.createDatabase(superuser, "billingnow", null);
        }
        try (Connection owner = DriverManager.getConnection(base + "billingnow", DatabaseRoles.OWNER, "")) {
            SchemaMigrator.migrate(owner);
        }
        // Pooled, as the application's connections are: a fresh PostgreSQL connection per transaction costs far more
        // than anything measured here.
        pool = new org.apache.tomcat.jdbc.pool.DataSource();
        pool.setDriverClassName("org.postgresql.Driver");
        pool.setUrl(base + "billingnow");
        pool.setUsername(DatabaseRoles.APP);
        pool.setPassword("");
        pool.setMaxActive(16);
        pool.setInitialSize(4);
        jdbi = Databases.configure(Jdbi.create(pool));
        tenants = new TenantTransactions(jdbi);
        platform = new PlatformTransactions(jdbi);
    }

    Keys keys(MasterKey master, KeySettings settings) {
        return Keys.open(master, null, settings, platform, tenants, audit, Clock.systemUTC());
    }

    /** Inserts {@code count} tenants in one statement; their keys are created on first use. */
    List<TenantId> tenants(int count) {
        return platform.inTransaction(h -> h.createQuery("""
                        INSERT INTO tenants (id, slug, name, country, default_currency, status, created_at, updated_at)
                        SELECT gen_random_uuid(), 'bench-' || g || '-' || substr(md5(random()::text), 1, 8), 'Bench',
                               'DE', 'EUR', 'active', now(), now()
                        FROM generate_series(1, :count) g
                        RETURNING id""")
                .bind("count", count)
                .mapTo(UUID.class)
                .list())
                .stream().map(TenantId::new).toList();
    }

    /**
     * Inserts one payment link per token, spread over the tenants, as the superuser with foreign-key triggers off
     * (session_replication_role = replica): the links' invoices and provider accounts are not needed by the resolver.
     */
    void seedPaymentLinks(List<TenantId> tenantIds, String[] tokens) throws Exception {
        try (Connection superuser = DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + postgres.getPort() + "/billingnow", "postgres", "");
             var set = superuser.createStatement();
             var insert = superuser.prepareStatement("""
                     INSERT INTO payment_links (tenant_id, id, invoice_id, account_id, token_hash, expires_at, created_at)
                     VALUES (?, gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), ?,
                             now() + interval '7 days', now())""")) {
            set.execute("SET session_replication_role = replica");
            for (int i = 0; i < tokens.length; i++) {
                insert.setObject(1, tenantIds.get(i % tenantIds.size()).value());
                insert.setBytes(2, io.billingnow.platform.identity.auth.SecretTokens.hash(tokens[i]));
                insert.addBatch();
            }
            insert.executeBatch();
            set.execute("ANALYZE payment_links");
        }
    }

    @Override
    public void close() throws Exception {
        pool.close();
        postgres.close();
    }
}
