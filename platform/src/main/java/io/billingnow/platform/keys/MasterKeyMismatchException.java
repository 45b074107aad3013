package io.billingnow.platform.keys;

import io.billingnow.platform.keys.master.MasterKeyException;

/** The configured master key is not the one this database's keys are wrapped with. Startup stops on it. */
public final class MasterKeyMismatchException extends MasterKeyException {

    public MasterKeyMismatchException(String message, Throwable cause) {
        super(message, cause);
    }
}
