package io.billingnow.platform.providers.accounts;

/**
 * Encrypts provider credentials at rest: the one seam between provider accounts and key management, implemented by
 * {@link TenantKeyCredentialSealer} on the per-tenant envelope encryption of {@code io.billingnow.platform.keys}.
 */
public interface CredentialSealer {

    /** Encrypts and authenticates {@code plaintext} for exactly this field. */
    byte[] seal(SealedField field, byte[] plaintext);

    /**
     * Decrypts a value sealed for this field.
     *
     * @throws RuntimeException if the value was altered, sealed for another field, or its key is gone
     */
    byte[] open(SealedField field, byte[] sealed);
}
