package io.billingnow.platform.keys;

/** A data key could not be had. Callers that know the field turn it into an {@link EncryptedFieldException}. */
public final class KeyUnavailableException extends RuntimeException {

    private final EncryptedFieldException.Reason reason;

    KeyUnavailableException(EncryptedFieldException.Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public EncryptedFieldException.Reason reason() {
        return reason;
    }

    EncryptedFieldException forField(FieldContext field, boolean decrypting) {
        return new EncryptedFieldException(reason, field, decrypting, this);
    }
}
