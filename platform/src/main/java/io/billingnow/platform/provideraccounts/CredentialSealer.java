package io.billingnow.platform.provideraccounts;

/**
 * Encrypts provider credentials at rest. The one seam between provider accounts and key management: today
 * {@link DerivedKeyCredentialSealer}; the per-tenant envelope encryption of {@code io.billingnow.platform.keys}
 * (branch {@code crypto}) replaces it behind this interface once its key service exists.
 */
public interface CredentialSealer {

    /** Encrypts and authenticates {@code plaintext} for exactly this field. */
    byte[] seal(SealedField field, byte[] plaintext);

    /**
     * Decrypts a value sealed for this field.
     *
     * @throws IllegalStateException if the value was altered, sealed for another field, or under another key
     */
    byte[] open(SealedField field, byte[] sealed);
}
