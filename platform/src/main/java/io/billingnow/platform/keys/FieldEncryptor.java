package io.billingnow.platform.keys;

import io.billingnow.platform.keys.EncryptedFieldException.Reason;
import java.util.Arrays;

/**
 * The platform's one {@link FieldSealer}: the tenant's primary data key, AES-256-GCM, the field's place as associated
 * data. Safe for concurrent use; does not need (or open) a transaction on the warm path.
 */
public final class FieldEncryptor implements FieldSealer {

    private static final int ATTEMPTS = 4;

    private final TenantKeyService keys;
    private final FieldCipher cipher;

    public FieldEncryptor(TenantKeyService keys, FieldCipher cipher) {
        this.keys = keys;
        this.cipher = cipher;
    }

    @Override
    public byte[] encrypt(FieldContext field, byte[] plaintext) {
        for (int attempt = 1; ; attempt++) {
            DataKey key;
            try {
                key = keys.primaryKey(field.tenant());
            } catch (KeyUnavailableException e) {
                throw e.forField(field, false);
            }
            if (!keys.countEncryption(key)) {
                if (attempt < ATTEMPTS) {
                    continue; // the key was rotated under us: take the new primary
                }
                throw new IllegalStateException("no usable primary key for " + field + " after " + attempt
                        + " attempts");
            }
            try {
                return cipher.encrypt(key, field, plaintext);
            } catch (EncryptedFieldException e) {
                // The key object was evicted and wiped between lookup and use; a fresh lookup says what is true now.
                if (e.reason() != Reason.KEY_DESTROYED || attempt >= ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    @Override
    public byte[] decrypt(FieldContext field, byte[] ciphertext) {
        int version = FieldCiphertext.keyVersion(field, ciphertext);
        for (int attempt = 1; ; attempt++) {
            DataKey key;
            try {
                key = keys.key(field.tenant(), version);
            } catch (KeyUnavailableException e) {
                throw e.forField(field, true);
            }
            try {
                return cipher.decrypt(key, field, ciphertext);
            } catch (EncryptedFieldException e) {
                if (e.reason() != Reason.KEY_DESTROYED || attempt >= ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** Decrypts and encrypts again under the current primary version; the plaintext is wiped in between. */
    public byte[] reencrypt(FieldContext field, byte[] ciphertext) {
        byte[] plaintext = decrypt(field, ciphertext);
        try {
            return encrypt(field, plaintext);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    /** The key version a stored ciphertext was made with. */
    public static int keyVersionOf(FieldContext field, byte[] ciphertext) {
        return FieldCiphertext.keyVersion(field, ciphertext);
    }
}
