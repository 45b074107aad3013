package io.billingnow.platform.keys.master;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * The wrapped-key format shared by the master keys that do AES-GCM themselves (local) or inside a token (PKCS#11):
 * {@code 0x01 | 12-byte nonce | ciphertext | 16-byte tag}, with the caller's context as associated data.
 * AES-GCM rather than AES-KWP because it authenticates associated data, which is how a data key is bound to its
 * tenant and version.
 */
final class GcmKeyWrap {

    static final byte FORMAT = 0x01;
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    @FunctionalInterface
    interface CipherSource {
        Cipher get() throws GeneralSecurityException;
    }

    private GcmKeyWrap() {
    }

    static byte[] wrap(CipherSource source, Key key, byte[] dataKey, byte[] context, String keyId) {
        byte[] nonce = new byte[NONCE];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = source.get();
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context);
            byte[] sealed = cipher.doFinal(dataKey);
            return ByteBuffer.allocate(1 + NONCE + sealed.length).put(FORMAT).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new MasterKeyException("master key " + keyId + " could not wrap a key", e);
        }
    }

    static byte[] unwrap(CipherSource source, Key key, byte[] wrapped, byte[] context, String keyId) {
        if (wrapped.length < 1 + NONCE + TAG_BITS / 8 || wrapped[0] != FORMAT) {
            throw new MasterKeyException("wrapped key is truncated or of an unknown format");
        }
        try {
            Cipher cipher = source.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, wrapped, 1, NONCE));
            cipher.updateAAD(context);
            return cipher.doFinal(wrapped, 1 + NONCE, wrapped.length - 1 - NONCE);
        } catch (GeneralSecurityException e) {
            throw new MasterKeyException("master key " + keyId + " cannot unwrap this key: it was wrapped by another "
                    + "master key, for another tenant or version, or it was altered", e);
        }
    }
}
