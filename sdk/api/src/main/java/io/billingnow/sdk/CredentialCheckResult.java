package io.billingnow.sdk;

import java.util.Objects;

/**
 * The outcome of a credential check.
 *
 * @param status  the outcome
 * @param message a short explanation for the tenant, free of secrets
 */
public record CredentialCheckResult(Status status, String message) {

    /** Outcomes of a credential check. */
    public enum Status {
        /** The provider accepted the credentials. */
        VALID,
        /** The provider refused the credentials, or they are incomplete. */
        INVALID,
        /** The provider could not be reached; the credentials may or may not work. */
        UNREACHABLE,
        /** This provider cannot check credentials. */
        NOT_SUPPORTED
    }

    /** Validates that both are present. */
    public CredentialCheckResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
    }
}
