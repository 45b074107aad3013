package io.billingnow.platform.keys;

import static org.assertj.core.api.Assertions.assertThat;

import io.billingnow.platform.testing.TestDatabase;
import io.billingnow.platform.testing.TestPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The registry of encrypted columns against the real migrated schema: a bytea column that nobody registered would be
 * encrypted but skipped by re-encryption, and become unreadable once its old key version is retired.
 */
class EncryptedColumnsSchemaTest {

    /**
     * Bytea columns that are deliberately not field ciphertexts, each with the reason. A new bytea column must go
     * either into {@link EncryptedColumns#APPLICATION} or here, with a reason a reviewer can check.
     */
    private static final Map<String, String> NOT_ENCRYPTED = Map.ofEntries(
            Map.entry("api_keys.secret_hash", "SHA-256 of an API key secret: looked up, never read back"),
            Map.entry("operator_tokens.token_hash", "SHA-256 of an operator token: looked up, never read back"),
            Map.entry("payment_links.token_hash", "SHA-256 of a payment link token: looked up, never read back"),
            Map.entry("sessions.id_hash", "SHA-256 of a session id: looked up, never read back"),
            Map.entry("sessions.csrf_token_hash", "SHA-256 of a CSRF token: compared, never read back"),
            Map.entry("pending_sign_ins.id_hash", "SHA-256 of a pending sign-in id: looked up, never read back"),
            Map.entry("idempotency_keys.request_hash",
                    "SHA-256 of a request, compared to refuse a key reused for another request"),
            Map.entry("audit_log.hash", "hash chain of the audit log: public by design, proves nothing was altered"),
            Map.entry("audit_log.prev_hash", "hash chain of the audit log: the previous entry's hash"),
            Map.entry("audit_chain_heads.hash", "hash chain of the audit log: the newest entry's hash"),
            Map.entry("data_keys.wrapped_key",
                    "a data key wrapped by the master key; master-key rotation re-wraps it (MasterKeyRotation)"),
            Map.entry("master_key_check.check_value", "a canary wrapped by the master key, checked at startup"),
            Map.entry("rate_limit_buckets.state", "token-bucket counters of the rate limiter; no personal data"),
            Map.entry("tenant_logos.image", "a business's logo, printed on its pages and documents: public"));

    private static TestDatabase db;

    @BeforeAll
    static void migratedDatabase() {
        db = TestPostgres.get().newDatabase();
    }

    @Test
    void everyByteaColumnIsEitherRegisteredAsEncryptedOrListedWithAReasonWhyNot() throws SQLException {
        Set<String> registered = new TreeSet<>();
        EncryptedColumns.APPLICATION.forEach(c -> registered.add(c.table() + "." + c.column()));
        List<String> unaccounted = new ArrayList<>();
        for (String column : byteaColumns()) {
            if (!registered.contains(column) && !NOT_ENCRYPTED.containsKey(column)) {
                unaccounted.add(column);
            }
        }
        assertThat(unaccounted).as("bytea columns neither in EncryptedColumns.APPLICATION nor in NOT_ENCRYPTED")
                .isEmpty();
        assertThat(registered).as("a column cannot be both encrypted and not").doesNotContainAnyElementsOf(
                NOT_ENCRYPTED.keySet());
    }

    @Test
    void everyRegisteredColumnExistsAsByteaInATenantTableKeyedByTenantAndItsRowKey() throws SQLException {
        Set<String> bytea = byteaColumns();
        for (EncryptedColumn column : EncryptedColumns.APPLICATION) {
            assertThat(bytea).as("registered column %s.%s", column.table(), column.column())
                    .contains(column.table() + "." + column.column());
            // The re-encryption job finds, orders and updates rows by (tenant_id, row key): it must name one row.
            assertThat(primaryKey(column.table())).as("primary key of %s", column.table())
                    .containsExactlyInAnyOrder("tenant_id", column.rowKey());
        }
    }

    @Test
    void everyColumnListedAsNotEncryptedStillExists() throws SQLException {
        assertThat(byteaColumns()).as("a stale entry would hide nothing but mislead the reader")
                .containsAll(NOT_ENCRYPTED.keySet());
    }

    /** Every bytea column of the application's tables, as {@code table.column}. */
    private static Set<String> byteaColumns() throws SQLException {
        Set<String> columns = new TreeSet<>();
        try (Connection c = db.superuserConnection(); var s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT c.table_name, c.column_name
                FROM information_schema.columns c
                JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                WHERE c.table_schema = 'public' AND c.data_type = 'bytea' AND t.table_type = 'BASE TABLE'""")) {
            while (rs.next()) {
                columns.add(rs.getString(1) + "." + rs.getString(2));
            }
        }
        assertThat(columns).as("the migrated schema has bytea columns at all").isNotEmpty();
        return columns;
    }

    private static List<String> primaryKey(String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Connection c = db.superuserConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT a.attname
                FROM pg_index i
                JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
                WHERE i.indrelid = ('public.' || ?)::regclass AND i.indisprimary""")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
        }
        return columns;
    }
}
