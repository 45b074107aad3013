package io.billingnow.platform.core;

/**
 * An expected, already explained failure of a command: the CLI exits non-zero and prints only this message, not a
 * stack trace. Anything else thrown by a command is a bug and keeps its stack trace.
 */
public final class CommandFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CommandFailure(String message) {
        super(message, null, false, false);
    }
}
