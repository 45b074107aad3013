package io.billingnow.sdk;

import java.util.Objects;

/**
 * A call to the provider (other than webhook verification) failed. The message must never contain a secret or a
 * raw provider response that could echo one.
 */
public class ProviderException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why the call failed; tells the host whether to retry and what to show the tenant. */
    public enum Kind {
        /** The tenant's credentials are missing, malformed or refused by the provider. Not retryable. */
        INVALID_CREDENTIALS,
        /** The provider refused the request itself (amount, currency, expiry out of range...). Not retryable. */
        INVALID_REQUEST,
        /** The provider could not be reached, timed out or answered with a server error. Retryable. */
        UNAVAILABLE,
        /** The provider answered something the plugin could not understand. */
        UNEXPECTED_RESPONSE,
        /** The provider does not support what was asked. */
        UNSUPPORTED
    }

    private final Kind kind;

    /**
     * Creates the exception.
     *
     * @param kind    why the call failed
     * @param message a description free of secrets
     */
    public ProviderException(Kind kind, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /**
     * Creates the exception with a cause.
     *
     * @param kind    why the call failed
     * @param message a description free of secrets
     * @param cause   the underlying failure
     */
    public ProviderException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /** Returns why the call failed. */
    public Kind kind() {
        return kind;
    }

    /** Returns whether trying the same call again later may succeed. */
    public boolean retryable() {
        return kind == Kind.UNAVAILABLE;
    }
}
