package io.billingnow.platform.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.billingnow.platform.keys.EncryptedFieldException.Reason;
import io.billingnow.platform.keys.master.LocalMasterKey;
import io.billingnow.platform.core.TenantId;
import io.dropwizard.util.Duration;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TenantKeyServiceTest {

    private KeysFixture fixture;
    private LocalMasterKey master;
    private Keys keys;

    @BeforeEach
    void freshDatabase() {
        fixture = new KeysFixture();
        master = KeysFixture.newMasterKey();
    }

    @AfterEach
    void close() throws Exception {
        if (keys != null) {
            keys.stop();
        }
        master.close();
    }

    private Keys open(KeySettings settings) {
        keys = fixture.open(master, null, settings);
        return keys;
    }

    @Test
    void aProvisionedTenantGetsVersionOneStoredOnlyWrappedAndAudited() throws Exception {
        open(KeysFixture.settings());
        TenantId tenant = fixture.tenant("acme");
        List<KeyInfo> inventory = keys.tenantKeys().inventory(tenant);
        assertThat(inventory).singleElement().satisfies(k -> {
            assertThat(k.version()).isEqualTo(1);
            assertThat(k.state()).isEqualTo("primary");
            assertThat(k.masterKeyId()).isEqualTo(master.id());
        });
        DataKey key = keys.tenantKeys().primaryKey(tenant);
        byte[] material = key.copyMaterial();
        try (Connection c = fixture.db.superuserConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT wrapped_key FROM data_keys WHERE tenant_id = ?")) {
            ps.setObject(1, tenant.value());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                byte[] wrapped = rs.getBytes(1);
                assertThat(wrapped).hasSize(1 + 12 + 32 + 16);
                assertThat(indexOf(wrapped, material)).as("the key is never stored in the clear").isEqualTo(-1);
            }
        }
        assertThat(fixture.auditActions(tenant)).contains("tenant.provisioned", "data_key.created");
    }

    @Test
    void encryptsForEachTenantUnderItsOwnKeyAndNeverAcrossTenants() {
        open(KeysFixture.settings());
        TenantId a = fixture.tenant("tenant-a");
        TenantId b = fixture.tenant("tenant-b");
        UUID row = UUID.randomUUID();
        FieldEncryptor encryptor = keys.encryptor();
        byte[] forA = encryptor.encryptString(KeysFixture.field(a, row), "secret of a");
        assertThat(encryptor.decryptString(KeysFixture.field(a, row), forA)).isEqualTo("secret of a");
        assertThat(keys.tenantKeys().primaryKey(a).copyMaterial())
                .isNotEqualTo(keys.tenantKeys().primaryKey(b).copyMaterial());
        assertThatThrownBy(() -> encryptor.decrypt(KeysFixture.field(b, row), forA))
                .isInstanceOfSatisfying(EncryptedFieldException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.AUTHENTICATION_FAILED));
    }

    @Test
    void aTenantCreatedBeforeKeysExistedGetsItsFirstKeyOnFirstUse() {
        TenantId tenant = fixture.tenant("older");   // no key listener yet
        open(KeysFixture.settings());
        assertThat(keys.tenantKeys().inventory(tenant)).isEmpty();
        UUID row = UUID.randomUUID();
        byte[] ciphertext = keys.encryptor().encryptString(KeysFixture.field(tenant, row), "x");
        assertThat(FieldEncryptor.keyVersionOf(KeysFixture.field(tenant, row), ciphertext)).isEqualTo(1);
        assertThat(keys.tenantKeys().inventory(tenant)).extracting(KeyInfo::state).containsExactly("primary");
    }

    @Test
    void rotationMakesANewPrimaryWhileOldVersionsStillDecrypt() {
        open(KeysFixture.settings());
        TenantId tenant = fixture.tenant("rotating");
        UUID row = UUID.randomUUID();
        FieldContext field = KeysFixture.field(tenant, row);
        byte[] underV1 = keys.encryptor().encryptString(field, "card token");
        DataKey v1 = keys.tenantKeys().primaryKey(tenant);

        KeyInfo v2 = keys.tenantKeys().rotate(tenant, KeyActor.of(KeysFixture.operator()));

        assertThat(v2.version()).isEqualTo(2);
        assertThat(v1.isDestroyed()).as("the old primary was evicted from the cache at once").isTrue();
        byte[] underV2 = keys.encryptor().encryptString(field, "card token");
        assertThat(FieldEncryptor.keyVersionOf(field, underV2)).isEqualTo(2);
        assertThat(keys.encryptor().decryptString(field, underV1)).isEqualTo("card token");
        assertThat(keys.tenantKeys().inventory(tenant)).extracting(KeyInfo::version, KeyInfo::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "decrypt_only"),
                        org.assertj.core.groups.Tuple.tuple(2, "primary"));
        assertThat(fixture.auditActions(tenant)).contains("data_key.rotated");
    }

    @Test
    void usageIsPersistedAndTheKeyRotatesItselfBeforeTheConfiguredLimit() {
        KeySettings settings = KeysFixture.settings();
        settings.setRotateAfterEncryptions(10);
        settings.setUsageReservationBlock(4);
        open(settings);
        TenantId tenant = fixture.tenant("busy");
        List<byte[]> ciphertexts = new ArrayList<>();
        List<FieldContext> fields = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            FieldContext field = KeysFixture.field(tenant, UUID.randomUUID());
            fields.add(field);
            ciphertexts.add(keys.encryptor().encryptString(field, "value " + i));
        }
        List<KeyInfo> inventory = keys.tenantKeys().inventory(tenant);
        // Blocks of 4 under a limit of 10: at most 8 encryptions per version, so 25 need at least 4 versions.
        assertThat(inventory).hasSizeGreaterThanOrEqualTo(4);
        assertThat(inventory).allSatisfy(k -> assertThat(k.encryptions()).isLessThanOrEqualTo(10));
        assertThat(inventory.stream().mapToLong(KeyInfo::encryptions).sum()).isGreaterThanOrEqualTo(25);
        assertThat(inventory).filteredOn(k -> k.state().equals("primary")).hasSize(1);
        for (int i = 0; i < 25; i++) {
            assertThat(keys.encryptor().decryptString(fields.get(i), ciphertexts.get(i))).isEqualTo("value " + i);
        }
        assertThat(fixture.auditActions(tenant)).contains("data_key.rotated_at_usage_limit");
    }

    @Test
    void theCacheIsBoundedAndWipesWhatItEvicts() {
        KeySettings settings = KeysFixture.settings();
        settings.setCacheMaximumSize(1);
        open(settings);
        TenantId a = fixture.tenant("cache-a");
        TenantId b = fixture.tenant("cache-b");
        DataKey keyOfA = keys.tenantKeys().primaryKey(a);
        keys.tenantKeys().primaryKey(b);
        assertThat(keys.tenantKeys().cachedKeyCount()).isEqualTo(1);
        assertThat(keyOfA.isDestroyed()).isTrue();
        assertThat(keyOfA.isWiped()).isTrue();
        // Evicted is not lost: it is unwrapped again when needed.
        UUID row = UUID.randomUUID();
        byte[] ciphertext = keys.encryptor().encryptString(KeysFixture.field(a, row), "still here");
        assertThat(keys.encryptor().decryptString(KeysFixture.field(a, row), ciphertext)).isEqualTo("still here");
    }

    @Test
    void cachedKeysExpireWithAge() throws Exception {
        KeySettings settings = KeysFixture.settings();
        settings.setCacheExpireAfterWrite(Duration.milliseconds(200));
        open(settings);
        TenantId tenant = fixture.tenant("ageing");
        DataKey key = keys.tenantKeys().primaryKey(tenant);
        Thread.sleep(400);
        assertThat(keys.tenantKeys().isCached(tenant, key.version())).isFalse();
        keys.tenantKeys().cachedKeyCount();
        assertThat(key.isWiped()).isTrue();
    }

    @Test
    void aCiphertextNamingAVersionTheTenantNeverHadIsRefusedByName() {
        open(KeysFixture.settings());
        TenantId tenant = fixture.tenant("versions");
        FieldContext field = KeysFixture.field(tenant, UUID.randomUUID());
        byte[] ciphertext = keys.encryptor().encryptString(field, "x");
        ciphertext[4] = 9;
        assertThatThrownBy(() -> keys.encryptor().decrypt(field, ciphertext))
                .isInstanceOfSatisfying(EncryptedFieldException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_KEY_VERSION))
                .hasMessageContaining("test_secrets.secret of row " + field.rowId());
    }

    @Test
    void aWrappedKeyMovedToAnotherTenantDoesNotUnwrap() throws Exception {
        open(KeysFixture.settings());
        TenantId a = fixture.tenant("owner-a");
        TenantId b = fixture.tenant("thief-b");
        try (Connection c = fixture.db.superuserConnection(); PreparedStatement ps = c.prepareStatement("""
                UPDATE data_keys SET wrapped_key = (SELECT wrapped_key FROM data_keys WHERE tenant_id = ?)
                WHERE tenant_id = ?""")) {
            ps.setObject(1, a.value());
            ps.setObject(2, b.value());
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        FieldContext field = KeysFixture.field(b, UUID.randomUUID());
        assertThatThrownBy(() -> keys.encryptor().encryptString(field, "x"))
                .isInstanceOfSatisfying(EncryptedFieldException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.KEY_UNAVAILABLE));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
