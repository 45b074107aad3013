package io.billingnow.platform.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.billingnow.platform.keys.master.LocalMasterKey;
import io.billingnow.platform.core.TenantId;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MasterKeyCheckTest {

    @Test
    void theFirstStartRecordsTheCheckAndLaterStartsVerifyIt() throws Exception {
        KeysFixture fixture = new KeysFixture();
        try (LocalMasterKey master = KeysFixture.newMasterKey()) {
            MasterKeyCheck check = new MasterKeyCheck(fixture.platformTx, java.time.Clock.systemUTC());
            assertThat(check.verify(master, null)).isEqualTo(MasterKeyCheck.Outcome.INITIALISED);
            assertThat(check.verify(master, null)).isEqualTo(MasterKeyCheck.Outcome.VERIFIED);
            assertThat(fixture.superuserStrings("SELECT master_key_id FROM master_key_check WHERE id = ?", 1))
                    .containsExactly(master.id());
        }
    }

    @Test
    void aWrongMasterKeyStopsStartupWithAClearMessageBeforeAnyDataIsTouched() throws Exception {
        KeysFixture fixture = new KeysFixture();
        TenantId tenant;
        try (LocalMasterKey right = KeysFixture.newMasterKey()) {
            Keys keys = fixture.open(right, null, KeysFixture.settings());
            tenant = fixture.tenant("acme");
            fixture.insertSecret(keys.encryptor(), tenant, "secret");
            keys.stop();
            String auditBefore = String.join(",", fixture.auditActions(tenant));
            try (LocalMasterKey wrong = KeysFixture.newMasterKey()) {
                assertThatThrownBy(() -> Keys.open(wrong, null, KeysFixture.settings(), fixture.platformTx,
                        fixture.tenantTx, fixture.audit, java.time.Clock.systemUTC()))
                        .isInstanceOf(MasterKeyMismatchException.class)
                        .hasMessageContaining("configured master key (" + wrong.id() + ")")
                        .hasMessageContaining(right.id())
                        .hasMessageContaining("Refusing to start before touching any data");
            }
            assertThat(String.join(",", fixture.auditActions(tenant))).isEqualTo(auditBefore);
            assertThat(fixture.superuserStrings("SELECT master_key_id FROM data_keys WHERE tenant_id = ?",
                    tenant.value())).containsOnly(right.id());
        }
    }

    @Test
    void aMissingMasterKeyStopsStartupWithAClearMessage() {
        KeysFixture fixture = new KeysFixture();
        KeySettings settings = new KeySettings();
        settings.setMasterKey(io.billingnow.platform.keys.master.MasterKeySettings.localFile(
                "/nonexistent/billingnow/master.key", false));
        assertThatThrownBy(() -> Keys.open(settings, fixture.platformTx, fixture.tenantTx, fixture.audit,
                java.time.Clock.systemUTC()))
                .isInstanceOf(io.billingnow.platform.keys.master.MasterKeyException.class)
                .hasMessageContaining("/nonexistent/billingnow/master.key does not exist");
    }

    @Test
    void startingWithANewKeyAndThePreviousOneRewrapsEveryDataKeyWithoutTouchingData() throws Exception {
        KeysFixture fixture = new KeysFixture();
        LocalMasterKey oldMaster = KeysFixture.newMasterKey();
        Keys before = fixture.open(oldMaster, null, KeysFixture.settings());
        TenantId a = fixture.tenant("rewrap-a");
        TenantId b = fixture.tenant("rewrap-b");
        before.tenantKeys().rotate(a, KeyActor.SYSTEM);
        UUID rowA = fixture.insertSecret(before.encryptor(), a, "secret a");
        UUID rowB = fixture.insertSecret(before.encryptor(), b, "secret b");
        byte[] storedA = fixture.storedSecret(a, rowA);
        before.stop();

        try (LocalMasterKey newMaster = KeysFixture.newMasterKey()) {
            Keys during = fixture.open(newMaster, oldMaster, KeysFixture.settings());
            during.stop();
            assertThat(fixture.superuserStrings("SELECT DISTINCT master_key_id FROM data_keys WHERE master_key_id "
                    + "IS NOT NULL AND length(?) > 0", "x")).containsExactly(newMaster.id());
            assertThat(fixture.storedSecret(a, rowA)).as("data is not re-encrypted").isEqualTo(storedA);

            Keys after = fixture.open(newMaster, null, KeysFixture.settings());
            assertThat(after.encryptor().decryptString(KeysFixture.field(a, rowA), fixture.storedSecret(a, rowA)))
                    .isEqualTo("secret a");
            assertThat(after.encryptor().decryptString(KeysFixture.field(b, rowB), fixture.storedSecret(b, rowB)))
                    .isEqualTo("secret b");
            after.stop();
            assertThatThrownBy(() -> Keys.open(oldMaster, null, KeysFixture.settings(), fixture.platformTx,
                    fixture.tenantTx, fixture.audit, java.time.Clock.systemUTC()))
                    .as("the old key no longer opens this database")
                    .isInstanceOf(MasterKeyMismatchException.class);
        } finally {
            oldMaster.close();
        }
    }

    /** The rotation reads the tenant registry page by page: every page, and tenants of every status, are re-wrapped. */
    @Test
    void aRotationRewrapsTheKeysOfEveryTenantOnEveryPageWhateverItsStatus() throws Exception {
        KeysFixture fixture = new KeysFixture();
        try (LocalMasterKey oldMaster = KeysFixture.newMasterKey();
             LocalMasterKey newMaster = KeysFixture.newMasterKey()) {
            Keys before = fixture.open(oldMaster, null, KeysFixture.settings());
            TenantId a = fixture.tenant("paged-a");
            TenantId b = fixture.tenant("paged-b");
            TenantId c = fixture.tenant("paged-c");
            fixture.tenantTx.write(b, tx -> fixture.tenants.suspend(tx, KeysFixture.operator()));
            before.tenantKeys().rotate(c, KeyActor.SYSTEM);
            before.stop();
            MasterKeyCheck check = new MasterKeyCheck(fixture.platformTx, java.time.Clock.systemUTC());

            int rewrapped = new MasterKeyRotation(fixture.platformTx, fixture.tenantTx, check, fixture.audit, 1)
                    .rewrapAll(oldMaster, newMaster, KeyActor.SYSTEM);

            assertThat(rewrapped).as("one key each for a and b, two for c").isEqualTo(4);
            assertThat(fixture.superuserStrings("SELECT DISTINCT master_key_id FROM data_keys WHERE master_key_id "
                    + "IS NOT NULL AND length(?) > 0", "x")).containsExactly(newMaster.id());
            assertThat(check.verify(newMaster, null)).isEqualTo(MasterKeyCheck.Outcome.VERIFIED);
        }
    }

    @Test
    void anInterruptedMasterKeyRotationCompletesOnTheNextStart() throws Exception {
        KeysFixture fixture = new KeysFixture();
        try (LocalMasterKey oldMaster = KeysFixture.newMasterKey(); LocalMasterKey newMaster = KeysFixture.newMasterKey()) {
            Keys before = fixture.open(oldMaster, null, KeysFixture.settings());
            TenantId a = fixture.tenant("half-a");
            TenantId b = fixture.tenant("half-b");
            UUID rowB = fixture.insertSecret(before.encryptor(), b, "secret b");
            before.stop();
            // A crash part-way: one tenant re-wrapped, the canary still under the old key.
            MasterKeyCheck check = new MasterKeyCheck(fixture.platformTx, java.time.Clock.systemUTC());
            fixture.tenantTx.write(a, tx -> {
                for (StoredDataKey key : tx.dao(DataKeyDao.class).lockAll(a)) {
                    byte[] context = TenantKeyService.wrapContext(a, key.version());
                    tx.dao(DataKeyDao.class).rewrap(a, key.version(),
                            newMaster.wrap(oldMaster.unwrap(key.wrappedKey(), context), context), newMaster.id());
                }
                return null;
            });
            assertThat(check.verify(newMaster, oldMaster)).isEqualTo(MasterKeyCheck.Outcome.OPENED_BY_PREVIOUS);

            Keys resumed = fixture.open(newMaster, oldMaster, KeysFixture.settings());
            resumed.stop();
            assertThat(check.verify(newMaster, null)).isEqualTo(MasterKeyCheck.Outcome.VERIFIED);
            Keys after = fixture.open(newMaster, null, KeysFixture.settings());
            assertThat(after.encryptor().decryptString(KeysFixture.field(b, rowB), fixture.storedSecret(b, rowB)))
                    .isEqualTo("secret b");
            after.stop();
        }
    }
}
