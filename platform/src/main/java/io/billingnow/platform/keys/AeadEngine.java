package io.billingnow.platform.keys;

import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;

/**
 * The AES-256-GCM implementation that field encryption runs on. Both produce identical ciphertexts; the choice is
 * about speed and key hygiene, measured in docs/performance.md ("Field encryption").
 */
public enum AeadEngine {

    /** The JDK's SunJCE provider, which uses the CPU's AES and carry-less multiply instructions. */
    JCA {
        private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(() -> {
            try {
                return Cipher.getInstance("AES/GCM/NoPadding", "SunJCE");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("SunJCE has no AES/GCM", e);
            }
        });

        @Override
        void seal(DataKey key, byte[] nonce, byte[] aad, byte[] plaintext, byte[] out, int outOffset)
                throws GeneralSecurityException {
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.ENCRYPT_MODE, key.jcaKey(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad);
            cipher.doFinal(plaintext, 0, plaintext.length, out, outOffset);
        }

        @Override
        byte[] open(DataKey key, byte[] nonce, byte[] aad, byte[] in, int offset, int length)
                throws GeneralSecurityException {
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.DECRYPT_MODE, key.jcaKey(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad);
            return cipher.doFinal(in, offset, length);
        }
    },

    /** Bouncy Castle's lightweight API: pure Java, and the only one whose key copy we can wipe. */
    BOUNCY_CASTLE {
        private final ThreadLocal<GCMModeCipher> ciphers =
                ThreadLocal.withInitial(() -> GCMBlockCipher.newInstance(AESEngine.newInstance()));

        @Override
        void seal(DataKey key, byte[] nonce, byte[] aad, byte[] plaintext, byte[] out, int outOffset)
                throws GeneralSecurityException {
            GCMModeCipher cipher = ciphers.get();
            cipher.init(true, new AEADParameters(key.bcKey(), TAG_BITS, nonce, aad));
            int written = cipher.processBytes(plaintext, 0, plaintext.length, out, outOffset);
            try {
                cipher.doFinal(out, outOffset + written);
            } catch (InvalidCipherTextException e) {
                throw new GeneralSecurityException(e);
            }
        }

        @Override
        byte[] open(DataKey key, byte[] nonce, byte[] aad, byte[] in, int offset, int length)
                throws GeneralSecurityException {
            GCMModeCipher cipher = ciphers.get();
            cipher.init(false, new AEADParameters(key.bcKey(), TAG_BITS, nonce, aad));
            byte[] out = new byte[cipher.getOutputSize(length)];
            int written = cipher.processBytes(in, offset, length, out, 0);
            try {
                cipher.doFinal(out, written);
            } catch (InvalidCipherTextException e) {
                throw new AEADBadTagException(e.getMessage());
            }
            return out;
        }
    };

    static final int TAG_BITS = 128;

    /** Encrypts {@code plaintext} into {@code out} at {@code outOffset}: ciphertext followed by the 16-byte tag. */
    abstract void seal(DataKey key, byte[] nonce, byte[] aad, byte[] plaintext, byte[] out, int outOffset)
            throws GeneralSecurityException;

    /** Decrypts ciphertext-and-tag; {@link AEADBadTagException} if authentication fails. */
    abstract byte[] open(DataKey key, byte[] nonce, byte[] aad, byte[] in, int offset, int length)
            throws GeneralSecurityException;
}
