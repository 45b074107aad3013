package io.billingnow.platform.provideraccounts;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * INTERIM sealer until the per-tenant key service lands: AES-256-GCM under a per-tenant key derived with HKDF-SHA256
 * from one platform secret ({@code plugins.credentialsKey}), with tenant, table, column and row as associated data.
 *
 * <p>What it does not give, and the envelope scheme of {@code io.billingnow.platform.keys} will: keys held in an HSM or
 * KMS, per-tenant key rotation, and crypto-shredding of one tenant. Values carry format byte {@value #FORMAT} so the
 * migration to the real service can find and re-seal them.
 *
 * <pre>
 * 0x80 | nonce (12) | AES-256-GCM ciphertext and tag (n + 16)
 * AAD: 0x80 | tenant uuid (16) | len(table) table | len(column) column | len(row) row   (lengths: 2 bytes)
 * </pre>
 */
public final class DerivedKeyCredentialSealer implements CredentialSealer {

    static final byte FORMAT = (byte) 0x80;
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private static final byte[] SALT = "billingnow/provider-credentials/v0".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] prk;

    /** @param masterKey 32 bytes; the caller wipes its copy */
    public DerivedKeyCredentialSealer(byte[] masterKey) {
        if (masterKey.length != 32) {
            throw new IllegalArgumentException("the credentials key must be 32 bytes");
        }
        this.prk = hmac(SALT, masterKey);
    }

    /** From the configured base64 key, or a random one for this process when none is configured (dev only). */
    public static DerivedKeyCredentialSealer fromConfig(String base64Key) {
        byte[] key;
        if (base64Key == null || base64Key.isBlank()) {
            key = new byte[32];
            RANDOM.nextBytes(key);
        } else {
            key = Base64.getDecoder().decode(base64Key.trim());
        }
        try {
            return new DerivedKeyCredentialSealer(key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    @Override
    public byte[] seal(SealedField field, byte[] plaintext) {
        byte[] nonce = new byte[NONCE];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, field, nonce);
            byte[] body = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(1 + NONCE + body.length).put(FORMAT).put(nonce).put(body).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed to seal " + field, e);
        }
    }

    @Override
    public byte[] open(SealedField field, byte[] sealed) {
        if (sealed == null || sealed.length < 1 + NONCE + TAG_BITS / 8 || sealed[0] != FORMAT) {
            throw new IllegalStateException("not a sealed value of this format: " + field);
        }
        byte[] nonce = Arrays.copyOfRange(sealed, 1, 1 + NONCE);
        try {
            return cipher(Cipher.DECRYPT_MODE, field, nonce).doFinal(sealed, 1 + NONCE, sealed.length - 1 - NONCE);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("sealed value does not authenticate: " + field);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed to open " + field, e);
        }
    }

    private Cipher cipher(int mode, SealedField field, byte[] nonce) throws GeneralSecurityException {
        byte[] key = tenantKey(field.tenant().value());
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(field));
            return cipher;
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** HKDF-Expand (RFC 5869) of one block: info = the tenant id. */
    private byte[] tenantKey(UUID tenant) {
        byte[] info = ByteBuffer.allocate(16 + 1).putLong(tenant.getMostSignificantBits())
                .putLong(tenant.getLeastSignificantBits()).put((byte) 1).array();
        return hmac(prk, info);
    }

    static byte[] associatedData(SealedField field) {
        byte[] table = field.table().getBytes(StandardCharsets.UTF_8);
        byte[] column = field.column().getBytes(StandardCharsets.UTF_8);
        byte[] row = field.rowId().getBytes(StandardCharsets.UTF_8);
        UUID tenant = field.tenant().value();
        return ByteBuffer.allocate(1 + 16 + 6 + table.length + column.length + row.length)
                .put(FORMAT).putLong(tenant.getMostSignificantBits()).putLong(tenant.getLeastSignificantBits())
                .putShort((short) table.length).put(table)
                .putShort((short) column.length).put(column)
                .putShort((short) row.length).put(row)
                .array();
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
