package io.billingnow.platform.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.billingnow.platform.keys.master.LocalMasterKey;
import io.billingnow.platform.core.TenantId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReencryptionJobTest {

    private KeysFixture fixture;
    private LocalMasterKey master;
    private Keys keys;

    @BeforeEach
    void open() {
        fixture = new KeysFixture();
        master = KeysFixture.newMasterKey();
        KeySettings settings = KeysFixture.settings();
        settings.setReencryptionBatchSize(10);
        keys = fixture.open(master, null, settings);
    }

    @AfterEach
    void close() throws Exception {
        keys.stop();
        master.close();
    }

    private List<UUID> secrets(TenantId tenant, int count) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(fixture.insertSecret(keys.encryptor(), tenant, "secret " + i));
        }
        return ids;
    }

    private int versionOf(TenantId tenant, UUID row) {
        return FieldEncryptor.keyVersionOf(KeysFixture.field(tenant, row), fixture.storedSecret(tenant, row));
    }

    @Test
    void movesEveryRowToThePrimaryAndThenRetiresTheOldVersion() {
        TenantId tenant = fixture.tenant("reencrypt");
        TenantId other = fixture.tenant("bystander");
        List<UUID> rows = secrets(tenant, 35);
        UUID otherRow = fixture.insertSecret(keys.encryptor(), other, "bystander secret");
        byte[] otherBefore = fixture.storedSecret(other, otherRow);
        keys.tenantKeys().rotate(tenant, KeyActor.SYSTEM);
        assertThat(keys.reencryption().status(tenant).complete()).isFalse();

        ReencryptionStatus status = keys.reencryption().run(tenant);

        assertThat(status.complete()).isTrue();
        assertThat(status.primaryVersion()).isEqualTo(2);
        assertThat(status.pendingVersions()).isEmpty();
        assertThat(secretsProgress(status)).satisfies(c -> {
            assertThat(c.table()).isEqualTo("test_secrets");
            assertThat(c.rowsReencrypted()).isEqualTo(35);
            assertThat(c.completedAt()).isNotNull();
        });
        for (int i = 0; i < rows.size(); i++) {
            assertThat(versionOf(tenant, rows.get(i))).isEqualTo(2);
            assertThat(keys.encryptor().decryptString(KeysFixture.field(tenant, rows.get(i)),
                    fixture.storedSecret(tenant, rows.get(i)))).isEqualTo("secret " + i);
        }
        assertThat(keys.tenantKeys().inventory(tenant)).extracting(KeyInfo::state)
                .containsExactly("retired", "primary");
        assertThat(fixture.superuserStrings(
                "SELECT count(*) FROM data_keys WHERE state = 'retired' AND wrapped_key IS NULL AND tenant_id = ?",
                tenant.value())).containsExactly("1");
        assertThat(fixture.auditActions(tenant)).contains("data_key.retired");
        assertThat(fixture.storedSecret(other, otherRow)).as("another tenant's rows are untouched")
                .isEqualTo(otherBefore);
    }

    /** The scheduled pass asks the database which tenants have work instead of looking at every tenant. */
    @Test
    void theScheduledPassFindsExactlyTheTenantsWithAKeyToMoveAwayFrom() {
        TenantId rotated = fixture.tenant("rotated");
        TenantId untouched = fixture.tenant("untouched");
        List<UUID> rows = secrets(rotated, 12);
        secrets(untouched, 3);
        keys.tenantKeys().rotate(rotated, KeyActor.SYSTEM);
        assertThat(fixture.superuserStrings(
                "SELECT count(*) FROM data_keys WHERE state = 'decrypt_only' AND tenant_id = ?", rotated.value()))
                .containsExactly("1");

        keys.reencryption().runAll();

        assertThat(keys.reencryption().status(rotated).complete()).isTrue();
        assertThat(versionOf(rotated, rows.get(0))).isEqualTo(2);
        assertThat(keys.tenantKeys().inventory(rotated)).extracting(KeyInfo::state)
                .containsExactly("retired", "primary");
        assertThat(keys.tenantKeys().inventory(untouched)).extracting(KeyInfo::state).containsExactly("primary");
        assertThat(fixture.auditActions(untouched)).doesNotContain("data_key.retired");
    }

    @Test
    void resumesAfterACrashFromTheLastCommittedBatchAndRetiresOnlyWhenDone() throws Exception {
        TenantId tenant = fixture.tenant("crashy");
        List<UUID> rows = secrets(tenant, 30);
        // PostgreSQL orders uuids as unsigned bytes, which is the order of their hex text (not UUID.compareTo).
        rows.sort(Comparator.comparing(UUID::toString));
        keys.tenantKeys().rotate(tenant, KeyActor.SYSTEM);
        // Row 15 (in id order) is corrupt: the job fails there, like a crash in the middle of the second batch.
        UUID poisoned = rows.get(15);
        byte[] good = fixture.storedSecret(tenant, poisoned);
        byte[] bad = good.clone();
        bad[bad.length - 1] ^= 1;
        setSecret(tenant, poisoned, bad);

        assertThatThrownBy(() -> keys.reencryption().run(tenant))
                .isInstanceOf(EncryptedFieldException.class)
                .hasMessageContaining("test_secrets.secret of row " + poisoned);

        ReencryptionStatus interrupted = keys.reencryption().status(tenant);
        assertThat(interrupted.complete()).isFalse();
        assertThat(secretsProgress(interrupted)).satisfies(c -> {
            assertThat(c.rowsReencrypted()).isEqualTo(10);
            assertThat(c.lastRowId()).isEqualTo(rows.get(9).toString());
            assertThat(c.completedAt()).isNull();
        });
        assertThat(versionOf(tenant, rows.get(9))).isEqualTo(2);
        assertThat(versionOf(tenant, rows.get(10))).as("the failed batch rolled back").isEqualTo(1);
        assertThat(keys.tenantKeys().inventory(tenant)).extracting(KeyInfo::state)
                .containsExactly("decrypt_only", "primary");

        setSecret(tenant, poisoned, good);
        ReencryptionStatus resumed = keys.reencryption().run(tenant);

        assertThat(resumed.complete()).isTrue();
        assertThat(secretsProgress(resumed))
                .satisfies(c -> assertThat(c.rowsReencrypted()).as("no row done twice").isEqualTo(30));
        for (UUID row : rows) {
            assertThat(versionOf(tenant, row)).isEqualTo(2);
        }
    }

    @Test
    void anOldVersionRowThatTheScanMissedKeepsTheOldKeyAliveAndTheColumnIsScannedAgain() {
        TenantId tenant = fixture.tenant("late-writer");
        List<UUID> rows = secrets(tenant, 5);
        keys.tenantKeys().rotate(tenant, KeyActor.SYSTEM);
        // As if the scan had already passed these rows when another process, still on version 1, wrote them.
        fixture.tenantTx.write(tenant, tx -> {
            ReencryptionDao dao = tx.dao(ReencryptionDao.class);
            java.time.Instant now = java.time.Instant.now();
            dao.start(tenant, 2, KeysFixture.TABLE, KeysFixture.COLUMN, now);
            dao.advance(tenant, 2, KeysFixture.TABLE, KeysFixture.COLUMN,
                    "ffffffff-ffff-ffff-ffff-ffffffffffff", 0, true, now);
            return null;
        });

        ReencryptionStatus first = keys.reencryption().run(tenant);

        assertThat(first.complete()).as("version 1 still holds data").isFalse();
        assertThat(first.pendingVersions()).containsExactly(1);
        assertThat(secretsProgress(first)).satisfies(c -> assertThat(c.completedAt()).isNull());
        assertThat(keys.tenantKeys().inventory(tenant)).extracting(KeyInfo::state)
                .containsExactly("decrypt_only", "primary");

        ReencryptionStatus second = keys.reencryption().run(tenant);

        assertThat(second.complete()).isTrue();
        for (UUID row : rows) {
            assertThat(versionOf(tenant, row)).isEqualTo(2);
        }
        assertThat(keys.tenantKeys().inventory(tenant)).extracting(KeyInfo::state)
                .containsExactly("retired", "primary");
    }

    /**
     * Stored idempotent responses are named by the client's key (text), not a uuid: the job's cursor walks them in
     * batches all the same, and each value is re-encrypted for its own row.
     */
    @Test
    void rowsNamedByATextKeyAreReencryptedInBatchesToo() {
        TenantId tenant = fixture.tenant("text-keys");
        List<String> keysUsed = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            // Mixed case and non-ASCII, so the cursor must follow the column's own order, whatever the collation.
            String key = (i % 3 == 0 ? "Key-" : i % 3 == 1 ? "key-" : "schlüssel-") + i;
            keysUsed.add(key);
            byte[] body = keys.encryptor().encryptString(EncryptedColumns.IDEMPOTENT_RESPONSE.field(tenant, key),
                    "{\"secret\":\"shown once " + i + "\"}");
            fixture.tenantTx.write(tenant, tx -> tx.handle().createUpdate("""
                            INSERT INTO idempotency_keys (tenant_id, idempotency_key, credential_id, request_method,
                                                          request_path, request_hash, response_status, response_body,
                                                          created_at, completed_at)
                            VALUES (:tenant, :key, :credential, 'POST', '/v1/api-keys', '\\x00', 201, :body, now(),
                                    now())""")
                    .bind("tenant", tenant).bind("key", key).bind("credential", "api_key:x").bind("body", body)
                    .execute());
        }
        keys.tenantKeys().rotate(tenant, KeyActor.SYSTEM);

        ReencryptionStatus status = keys.reencryption().run(tenant);

        assertThat(status.complete()).isTrue();
        assertThat(status.columns()).filteredOn(c -> c.table().equals("idempotency_keys")).singleElement()
                .satisfies(c -> assertThat(c.rowsReencrypted()).isEqualTo(25));
        for (int i = 0; i < keysUsed.size(); i++) {
            FieldContext field = EncryptedColumns.IDEMPOTENT_RESPONSE.field(tenant, keysUsed.get(i));
            byte[] stored = storedResponse(tenant, keysUsed.get(i));
            assertThat(FieldEncryptor.keyVersionOf(field, stored)).isEqualTo(2);
            assertThat(keys.encryptor().decryptString(field, stored)).isEqualTo("{\"secret\":\"shown once " + i
                    + "\"}");
        }
    }

    private byte[] storedResponse(TenantId tenant, String key) {
        return fixture.tenantTx.read(tenant, tx -> tx.handle().createQuery(
                        "SELECT response_body FROM idempotency_keys WHERE tenant_id = :tenant AND idempotency_key = :key")
                .bind("tenant", tenant).bind("key", key).mapTo(byte[].class).one());
    }

    /** The fixture's column; the application's registered columns are walked too, empty here. */
    private static ReencryptionStatus.Column secretsProgress(ReencryptionStatus status) {
        return status.columns().stream().filter(c -> c.table().equals(KeysFixture.TABLE)).reduce((a, b) -> {
            throw new AssertionError("two progress rows for " + KeysFixture.TABLE);
        }).orElseThrow(() -> new AssertionError("no progress for " + KeysFixture.TABLE));
    }

    private void setSecret(TenantId tenant, UUID id, byte[] value) throws Exception {
        try (Connection c = fixture.db.superuserConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE test_secrets SET secret = ? WHERE tenant_id = ? AND id = ?")) {
            ps.setBytes(1, value);
            ps.setObject(2, tenant.value());
            ps.setObject(3, id);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }
}
