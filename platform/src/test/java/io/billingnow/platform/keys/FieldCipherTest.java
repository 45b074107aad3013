package io.billingnow.platform.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.billingnow.platform.keys.EncryptedFieldException.Reason;
import io.billingnow.platform.core.TenantId;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FieldCipherTest {

    private static final TenantId TENANT = TenantId.random();
    private static final FieldContext FIELD = new FieldContext(TENANT, "provider_credentials", "secret", "row-1");
    private static final byte[] PLAINTEXT = "sk_live_abcdef".getBytes(StandardCharsets.UTF_8);

    static DataKey key(TenantId tenant, int version) {
        byte[] material = new byte[32];
        new SecureRandom().nextBytes(material);
        return new DataKey(tenant, version, material);
    }

    @ParameterizedTest
    @EnumSource(AeadEngine.class)
    void roundTripsInTheDocumentedFormat(AeadEngine engine) {
        FieldCipher cipher = new FieldCipher(engine);
        DataKey key = key(TENANT, 7);
        byte[] ciphertext = cipher.encrypt(key, FIELD, PLAINTEXT);
        assertThat(ciphertext).hasSize(1 + 4 + 12 + PLAINTEXT.length + 16);
        assertThat(ciphertext[0]).isEqualTo((byte) 0x01);
        assertThat(Arrays.copyOfRange(ciphertext, 1, 5)).containsExactly(0, 0, 0, 7);
        assertThat(FieldCiphertext.keyVersion(FIELD, ciphertext)).isEqualTo(7);
        assertThat(cipher.decrypt(key, FIELD, ciphertext)).isEqualTo(PLAINTEXT);
    }

    @ParameterizedTest
    @EnumSource(AeadEngine.class)
    void bothEnginesReadEachOthersCiphertexts(AeadEngine engine) {
        DataKey key = key(TENANT, 1);
        AeadEngine other = engine == AeadEngine.JCA ? AeadEngine.BOUNCY_CASTLE : AeadEngine.JCA;
        byte[] ciphertext = new FieldCipher(engine).encrypt(key, FIELD, PLAINTEXT);
        assertThat(new FieldCipher(other).decrypt(key, FIELD, ciphertext)).isEqualTo(PLAINTEXT);
    }

    @ParameterizedTest
    @EnumSource(AeadEngine.class)
    void everyEncryptionUsesAFreshNonce(AeadEngine engine) {
        FieldCipher cipher = new FieldCipher(engine);
        DataKey key = key(TENANT, 1);
        Set<String> nonces = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            byte[] ciphertext = cipher.encrypt(key, FIELD, PLAINTEXT);
            nonces.add(Arrays.toString(Arrays.copyOfRange(ciphertext, 5, 17)));
        }
        assertThat(nonces).hasSize(1000);
    }

    @ParameterizedTest
    @EnumSource(AeadEngine.class)
    void aCiphertextMovedToAnotherRowColumnTableOrTenantDoesNotDecrypt(AeadEngine engine) {
        FieldCipher cipher = new FieldCipher(engine);
        DataKey key = key(TENANT, 1);
        byte[] ciphertext = cipher.encrypt(key, FIELD, PLAINTEXT);
        for (FieldContext elsewhere : new FieldContext[] {
                new FieldContext(TENANT, "provider_credentials", "secret", "row-2"),
                new FieldContext(TENANT, "provider_credentials", "webhook_secret", "row-1"),
                new FieldContext(TENANT, "other_table", "secret", "row-1"),
                // length-delimited parts: shifting characters between parts must not collide
                new FieldContext(TENANT, "provider_credentialss", "ecret", "row-1")}) {
            assertThatThrownBy(() -> cipher.decrypt(key, elsewhere, ciphertext))
                    .isInstanceOfSatisfying(EncryptedFieldException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.AUTHENTICATION_FAILED))
                    .hasMessageContaining(elsewhere.table() + "." + elsewhere.column())
                    .hasMessageContaining(elsewhere.rowId());
        }
        // Another tenant, even holding the very same key bytes, is refused by the associated data.
        TenantId other = TenantId.random();
        DataKey sameBytesOtherTenant = new DataKey(other, 1, key.copyMaterial());
        FieldContext otherTenant = new FieldContext(other, FIELD.table(), FIELD.column(), FIELD.rowId());
        assertThatThrownBy(() -> cipher.decrypt(sameBytesOtherTenant, otherTenant, ciphertext))
                .isInstanceOfSatisfying(EncryptedFieldException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.AUTHENTICATION_FAILED));
    }

    @ParameterizedTest
    @EnumSource(AeadEngine.class)
    void nonAsciiPlacesAreBoundAsUtf8AndStillDistinguished(AeadEngine engine) {
        FieldCipher cipher = new FieldCipher(engine);
        DataKey key = key(TENANT, 1);
        FieldContext accented = new FieldContext(TENANT, "kunden", "straße", "zeile-é");
        byte[] ciphertext = cipher.encrypt(key, accented, PLAINTEXT);
        assertThat(cipher.decrypt(key, accented, ciphertext)).isEqualTo(PLAINTEXT);
        byte[] aad = FieldCiphertext.associatedData(ciphertext, accented);
        assertThat(new String(aad, 5 + 16 + 2 + 6 + 2, "straße".getBytes(StandardCharsets.UTF_8).length,
                StandardCharsets.UTF_8)).isEqualTo("straße");
        assertThatThrownBy(() -> cipher.decrypt(key, new FieldContext(TENANT, "kunden", "strasse", "zeile-é"),
                ciphertext)).isInstanceOf(EncryptedFieldException.class);
    }

    @Test
    void asciiAndGeneralEncodingsOfThePlaceAgree() {
        FieldContext ascii = new FieldContext(TENANT, "provider_credentials", "secret", "3f1c-row");
        byte[] header = {1, 0, 0, 0, 1};
        byte[] fast = FieldCiphertext.associatedData(header, ascii);
        assertThat(fast).hasSize(5 + 16 + 6 + 20 + 6 + 8);
        assertThat(new String(fast, 5 + 16 + 2, 20, StandardCharsets.US_ASCII)).isEqualTo("provider_credentials");
        assertThat(fast[5 + 16]).isZero();
        assertThat(fast[5 + 16 + 1]).isEqualTo((byte) 20);
    }

    @ParameterizedTest
    @EnumSource(AeadEngine.class)
    void everyFlippedBitIsDetectedAndTheMessageNeverShowsData(AeadEngine engine) {
        FieldCipher cipher = new FieldCipher(engine);
        DataKey key = key(TENANT, 1);
        byte[] ciphertext = cipher.encrypt(key, FIELD, PLAINTEXT);
        for (int bit = 5 * 8; bit < ciphertext.length * 8; bit++) {
            byte[] flipped = ciphertext.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            assertThatThrownBy(() -> cipher.decrypt(key, FIELD, flipped))
                    .isInstanceOfSatisfying(EncryptedFieldException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.AUTHENTICATION_FAILED);
                        assertThat(e.getMessage()).doesNotContain("sk_live").contains("provider_credentials.secret");
                    });
        }
    }

    @ParameterizedTest
    @EnumSource(AeadEngine.class)
    void truncatedOrUnknownFormatIsNamed(AeadEngine engine) {
        FieldCipher cipher = new FieldCipher(engine);
        DataKey key = key(TENANT, 1);
        byte[] ciphertext = cipher.encrypt(key, FIELD, PLAINTEXT);
        assertThatThrownBy(() -> cipher.decrypt(key, FIELD, Arrays.copyOf(ciphertext, 20)))
                .isInstanceOfSatisfying(EncryptedFieldException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TRUNCATED));
        assertThatThrownBy(() -> cipher.decrypt(key, FIELD, Arrays.copyOf(ciphertext, ciphertext.length - 1)))
                .isInstanceOfSatisfying(EncryptedFieldException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.AUTHENTICATION_FAILED));
        assertThatThrownBy(() -> cipher.decrypt(key, FIELD, new byte[0]))
                .isInstanceOfSatisfying(EncryptedFieldException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TRUNCATED));
        byte[] future = ciphertext.clone();
        future[0] = 0x02;
        assertThatThrownBy(() -> cipher.decrypt(key, FIELD, future))
                .isInstanceOfSatisfying(EncryptedFieldException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_FORMAT_VERSION));
    }

    @ParameterizedTest
    @EnumSource(AeadEngine.class)
    void aDestroyedKeyNeitherEncryptsNorDecryptsAndIsWiped(AeadEngine engine) {
        FieldCipher cipher = new FieldCipher(engine);
        DataKey key = key(TENANT, 1);
        byte[] ciphertext = cipher.encrypt(key, FIELD, PLAINTEXT);
        key.destroy();
        assertThat(key.isWiped()).isTrue();
        assertThatThrownBy(() -> cipher.decrypt(key, FIELD, ciphertext))
                .isInstanceOfSatisfying(EncryptedFieldException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.KEY_DESTROYED));
        assertThatThrownBy(() -> cipher.encrypt(key, FIELD, PLAINTEXT))
                .isInstanceOfSatisfying(EncryptedFieldException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.KEY_DESTROYED));
    }
}
