package io.billingnow.platform.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.billingnow.platform.keys.EncryptedFieldException.Reason;
import io.billingnow.platform.keys.master.LocalMasterKey;
import io.billingnow.platform.core.TenantId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Crypto-shredding, proven with a "dump": rows copied out of the database before the shred and written back after.
 */
class CryptoShreddingTest {

    private record DumpedSecret(UUID tenant, UUID id, byte[] secret) {
    }

    private record DumpedKey(UUID tenant, int version, String state, byte[] wrapped, String masterKeyId) {
    }

    @Test
    void aShreddedTenantsFieldsStayUnreadableWhenItsRowsAreRestoredFromAnEarlierDump() throws Exception {
        KeysFixture fixture = new KeysFixture();
        try (LocalMasterKey master = KeysFixture.newMasterKey()) {
            Keys keys = fixture.open(master, null, KeysFixture.settings());
            TenantId leaving = fixture.tenant("leaving");
            TenantId staying = fixture.tenant("staying");
            UUID leavingRow = fixture.insertSecret(keys.encryptor(), leaving, "sk_live_leaving");
            UUID stayingRow = fixture.insertSecret(keys.encryptor(), staying, "sk_live_staying");
            List<DumpedSecret> dump = dumpSecrets(fixture);

            fixture.offboard(leaving);

            assertThat(keys.tenantKeys().inventory(leaving)).extracting(KeyInfo::state).containsOnly("destroyed");
            assertThat(fixture.auditActions(leaving)).contains("tenant.offboarded", "data_key.destroyed");
            restore(fixture, dump);
            assertThatThrownBy(() -> keys.encryptor().decryptString(KeysFixture.field(leaving, leavingRow),
                    fixture.storedSecret(leaving, leavingRow)))
                    .isInstanceOfSatisfying(EncryptedFieldException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.KEY_DESTROYED))
                    .hasMessageNotContaining("sk_live");
            assertThatThrownBy(() -> keys.encryptor().encryptString(KeysFixture.field(leaving, UUID.randomUUID()), "x"))
                    .as("a shredded tenant gets no fresh key either")
                    .isInstanceOfSatisfying(EncryptedFieldException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.KEY_DESTROYED));
            assertThat(keys.encryptor().decryptString(KeysFixture.field(staying, stayingRow),
                    fixture.storedSecret(staying, stayingRow))).isEqualTo("sk_live_staying");
            keys.stop();
        }
    }

    @Test
    void aDumpThatAlsoHoldsTheWrappedKeysIsUnreadableOnceTheMasterKeyIsRotatedAfterTheShred() throws Exception {
        KeysFixture fixture = new KeysFixture();
        LocalMasterKey oldMaster = KeysFixture.newMasterKey();
        Keys before = fixture.open(oldMaster, null, KeysFixture.settings());
        TenantId leaving = fixture.tenant("leaving");
        TenantId staying = fixture.tenant("staying");
        UUID leavingRow = fixture.insertSecret(before.encryptor(), leaving, "sk_live_leaving");
        UUID stayingRow = fixture.insertSecret(before.encryptor(), staying, "sk_live_staying");
        List<DumpedSecret> secrets = dumpSecrets(fixture);
        List<DumpedKey> wrappedKeys = dumpKeys(fixture);

        fixture.offboard(leaving);
        before.stop();
        try (LocalMasterKey newMaster = KeysFixture.newMasterKey()) {
            // The documented procedure (docs/encryption.md): after a shred, rotate the master key and destroy the old.
            fixture.open(newMaster, oldMaster, KeysFixture.settings()).tenantKeys().evictAll();
            oldMaster.close();

            // Restore the whole dump: the encrypted rows, and the leaving tenant's wrapped keys as they were.
            restore(fixture, secrets);
            restoreKeys(fixture, wrappedKeys, leaving);
            Keys after = fixture.open(newMaster, null, KeysFixture.settings());

            assertThatThrownBy(() -> after.encryptor().decryptString(KeysFixture.field(leaving, leavingRow),
                    fixture.storedSecret(leaving, leavingRow)))
                    .isInstanceOfSatisfying(EncryptedFieldException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.KEY_UNAVAILABLE))
                    .hasMessageNotContaining("sk_live");
            assertThat(after.encryptor().decryptString(KeysFixture.field(staying, stayingRow),
                    fixture.storedSecret(staying, stayingRow)))
                    .as("the other tenant's keys were re-wrapped, its data untouched").isEqualTo("sk_live_staying");
            assertThat(fixture.auditActions(staying)).contains("data_key.rewrapped");
            after.tenantKeys().evictAll();
        }
    }

    static List<DumpedSecret> dumpSecrets(KeysFixture fixture) throws SQLException {
        List<DumpedSecret> rows = new ArrayList<>();
        try (Connection c = fixture.db.superuserConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT tenant_id, id, secret FROM test_secrets"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(new DumpedSecret(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getBytes(3)));
            }
        }
        return rows;
    }

    static List<DumpedKey> dumpKeys(KeysFixture fixture) throws SQLException {
        List<DumpedKey> rows = new ArrayList<>();
        try (Connection c = fixture.db.superuserConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT tenant_id, version, state, wrapped_key, master_key_id FROM data_keys");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(new DumpedKey(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3), rs.getBytes(4),
                        rs.getString(5)));
            }
        }
        return rows;
    }

    static void restore(KeysFixture fixture, List<DumpedSecret> dump) throws SQLException {
        try (Connection c = fixture.db.superuserConnection()) {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM test_secrets")) {
                delete.executeUpdate();
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO test_secrets (tenant_id, id, secret) VALUES (?, ?, ?)")) {
                for (DumpedSecret row : dump) {
                    insert.setObject(1, row.tenant());
                    insert.setObject(2, row.id());
                    insert.setBytes(3, row.secret());
                    insert.executeUpdate();
                }
            }
        }
    }

    static void restoreKeys(KeysFixture fixture, List<DumpedKey> dump, TenantId tenant) throws SQLException {
        try (Connection c = fixture.db.superuserConnection(); PreparedStatement update = c.prepareStatement("""
                UPDATE data_keys SET state = ?, wrapped_key = ?, master_key_id = ?, destroyed_at = NULL
                WHERE tenant_id = ? AND version = ?""")) {
            for (DumpedKey row : dump) {
                if (!row.tenant().equals(tenant.value())) {
                    continue;
                }
                update.setString(1, row.state());
                update.setBytes(2, row.wrapped());
                update.setString(3, row.masterKeyId());
                update.setObject(4, row.tenant());
                update.setInt(5, row.version());
                assertThat(update.executeUpdate()).isEqualTo(1);
            }
        }
    }
}
