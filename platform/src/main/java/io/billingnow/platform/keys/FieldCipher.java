package io.billingnow.platform.keys;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;

/**
 * Encrypts and decrypts one field under a given data key, in the {@link FieldCiphertext} format. Knows nothing of where
 * keys come from; {@link FieldEncryptor} adds that.
 */
public final class FieldCipher {

    /**
     * One generator per thread, so threads never queue on a shared instance. The platform default (NativePRNG on
     * Linux: the kernel's generator mixed with SHA1PRNG), as the raw JCA baseline in the benchmark uses.
     */
    private static final ThreadLocal<SecureRandom> NONCES = ThreadLocal.withInitial(SecureRandom::new);

    private final AeadEngine engine;

    public FieldCipher(AeadEngine engine) {
        this.engine = engine;
    }

    public AeadEngine engine() {
        return engine;
    }

    public byte[] encrypt(DataKey key, FieldContext field, byte[] plaintext) {
        requireSameTenant(key, field);
        byte[] out = new byte[FieldCiphertext.OVERHEAD + plaintext.length];
        FieldCiphertext.writeHeader(out, key.version());
        byte[] nonce = new byte[FieldCiphertext.NONCE];
        NONCES.get().nextBytes(nonce);
        System.arraycopy(nonce, 0, out, FieldCiphertext.HEADER, FieldCiphertext.NONCE);
        byte[] aad = FieldCiphertext.associatedData(out, field);
        if (!key.acquire()) {
            throw new EncryptedFieldException(EncryptedFieldException.Reason.KEY_DESTROYED, field, false);
        }
        try {
            engine.seal(key, nonce, aad, plaintext, out, FieldCiphertext.HEADER + FieldCiphertext.NONCE);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed to encrypt " + field, e);
        } finally {
            key.release();
        }
    }

    /**
     * Decrypts with {@code key}, which must be the version the ciphertext names ({@link FieldCiphertext#keyVersion}).
     */
    public byte[] decrypt(DataKey key, FieldContext field, byte[] ciphertext) {
        requireSameTenant(key, field);
        int version = FieldCiphertext.keyVersion(field, ciphertext);
        if (version != key.version()) {
            throw new IllegalArgumentException("ciphertext of " + field + " is under key version " + version
                    + ", not " + key.version());
        }
        byte[] nonce = Arrays.copyOfRange(ciphertext, FieldCiphertext.HEADER,
                FieldCiphertext.HEADER + FieldCiphertext.NONCE);
        byte[] aad = FieldCiphertext.associatedData(ciphertext, field);
        if (!key.acquire()) {
            throw new EncryptedFieldException(EncryptedFieldException.Reason.KEY_DESTROYED, field, true);
        }
        try {
            int start = FieldCiphertext.HEADER + FieldCiphertext.NONCE;
            return engine.open(key, nonce, aad, ciphertext, start, ciphertext.length - start);
        } catch (AEADBadTagException e) {
            throw new EncryptedFieldException(EncryptedFieldException.Reason.AUTHENTICATION_FAILED, field, true);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed to decrypt " + field, e);
        } finally {
            key.release();
        }
    }

    private static void requireSameTenant(DataKey key, FieldContext field) {
        if (!key.tenant().equals(field.tenant())) {
            throw new IllegalArgumentException("the data key of tenant " + key.tenant() + " cannot serve " + field);
        }
    }
}
