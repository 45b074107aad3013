package io.billingnow.platform.keys.master;

/** A master key could not be loaded, or could not wrap or unwrap. Messages never contain key material. */
public class MasterKeyException extends RuntimeException {

    public MasterKeyException(String message) {
        super(message);
    }

    public MasterKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
