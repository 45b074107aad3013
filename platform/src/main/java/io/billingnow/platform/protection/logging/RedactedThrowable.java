package io.billingnow.platform.protection.logging;

/**
 * Stands in for an exception whose message (or a cause's) contains a secret: same class name in the message, same
 * stack frames, redacted messages all the way down the cause chain.
 */
final class RedactedThrowable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private RedactedThrowable(Throwable original, String message, Throwable cause) {
        super(original.getClass().getName() + (message == null ? "" : ": " + message), cause, false, true);
        setStackTrace(original.getStackTrace());
    }

    @Override
    public String toString() {
        return getMessage();
    }

    /** The throwable itself when nothing in its chain needs redacting, otherwise a redacted copy. */
    static Throwable of(Throwable original) {
        return of(original, 0);
    }

    private static Throwable of(Throwable original, int depth) {
        if (original == null || depth > 20) {
            return original;
        }
        Throwable cause = original.getCause() == original ? null : original.getCause();
        Throwable safeCause = of(cause, depth + 1);
        String message = original.getMessage();
        String redacted = Redaction.redact(message);
        if (java.util.Objects.equals(message, redacted) && safeCause == cause) {
            return original;
        }
        return new RedactedThrowable(original, redacted, safeCause);
    }
}
