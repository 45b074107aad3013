package io.billingnow.platform.keys.master;

/**
 * The key-encryption key (KEK) that wraps every tenant's data keys. The one seam for every kind of key custody: a local
 * key, an HSM through PKCS#11, and later a cloud KMS (AWS KMS, GCP KMS, Vault Transit) behind the same two calls.
 *
 * <p>{@code context} is authenticated associated data: a wrapped key only unwraps under the same context, which binds
 * a data key to its tenant and version. Implementations must be safe for concurrent use.
 */
public interface MasterKey extends AutoCloseable {

    /**
     * A stable, non-secret name for this key, stored next to everything it wraps, so that rotation knows what is still
     * wrapped under which key. For a local key it is a fingerprint; for PKCS#11 the token and key label.
     */
    String id();

    /** Wraps (encrypts and authenticates) a data key under this master key. */
    byte[] wrap(byte[] dataKey, byte[] context);

    /**
     * Unwraps a key produced by {@link #wrap}. Fails with {@link MasterKeyException} if the blob was produced by
     * another master key, under another context, or was altered.
     */
    byte[] unwrap(byte[] wrapped, byte[] context);

    /** Releases the key: wipes local material, logs out of a token. */
    @Override
    void close();
}
