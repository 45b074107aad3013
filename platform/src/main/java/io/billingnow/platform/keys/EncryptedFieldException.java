package io.billingnow.platform.keys;

/**
 * An encrypted field could not be decrypted (or encrypted). Names the table, column, row and tenant, and why; never
 * the plaintext, the ciphertext or any key.
 */
public final class EncryptedFieldException extends RuntimeException {

    public enum Reason {
        TRUNCATED("the ciphertext is truncated"),
        UNKNOWN_FORMAT_VERSION("the ciphertext has an unknown format version"),
        UNKNOWN_KEY_VERSION("the ciphertext names a key version this tenant does not have"),
        AUTHENTICATION_FAILED("authentication failed: the ciphertext was altered, or it belongs to another "
                + "tenant, table, column or row"),
        KEY_DESTROYED("the tenant's key has been destroyed (crypto-shredded) or retired"),
        KEY_UNAVAILABLE("the tenant's key could not be unwrapped by the master key");

        private final String text;

        Reason(String text) {
            this.text = text;
        }
    }

    private final Reason reason;
    private final transient FieldContext field;

    public EncryptedFieldException(Reason reason, FieldContext field, boolean decrypting) {
        this(reason, field, decrypting, null);
    }

    public EncryptedFieldException(Reason reason, FieldContext field, boolean decrypting, Throwable cause) {
        super("cannot " + (decrypting ? "decrypt " : "encrypt ") + field + ": " + reason.text, cause);
        this.reason = reason;
        this.field = field;
    }

    public Reason reason() {
        return reason;
    }

    public FieldContext field() {
        return field;
    }
}
