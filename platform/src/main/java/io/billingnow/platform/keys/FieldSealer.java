package io.billingnow.platform.keys;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * How a feature encrypts one field at rest: the single seam between features and key management. {@link
 * FieldEncryptor} is the implementation; a feature test that is not about encryption may pass its own.
 *
 * <p>The {@link FieldContext} (best made by {@link EncryptedColumn#field}) is authenticated with the ciphertext, so a
 * value copied to another row, column or tenant no longer decrypts.
 */
public interface FieldSealer {

    /** Encrypts and authenticates {@code plaintext} for exactly this field. */
    byte[] encrypt(FieldContext field, byte[] plaintext);

    /**
     * Decrypts a value encrypted for this field.
     *
     * @throws EncryptedFieldException if the value was altered, truncated or encrypted for another field
     * @throws KeyUnavailableException if the tenant's key for it is gone
     */
    byte[] decrypt(FieldContext field, byte[] ciphertext);

    /** As {@link #encrypt}, for text; the UTF-8 copy of the plaintext is wiped afterwards. */
    default byte[] encryptString(FieldContext field, String plaintext) {
        byte[] bytes = plaintext.getBytes(StandardCharsets.UTF_8);
        try {
            return encrypt(field, bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** As {@link #decrypt}, for text; the decrypted bytes are wiped once they are a string. */
    default String decryptString(FieldContext field, byte[] ciphertext) {
        byte[] bytes = decrypt(field, ciphertext);
        try {
            return new String(bytes, StandardCharsets.UTF_8);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }
}
