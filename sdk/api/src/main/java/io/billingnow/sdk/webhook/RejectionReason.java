package io.billingnow.sdk.webhook;

/**
 * Why a webhook delivery was rejected. Later SDK versions may add constants: hosts must treat unknown ones as a
 * generic rejection.
 */
public enum RejectionReason {
    /** The signature header (or field) is absent. */
    MISSING_SIGNATURE,
    /** A signature is present but matches none of the configured secrets. */
    BAD_SIGNATURE,
    /** The signed timestamp is outside the scheme's tolerance (a possible replay). */
    STALE_TIMESTAMP,
    /** The body or a signature header could not be parsed. */
    MALFORMED,
    /** The tenant has no webhook secret configured, so nothing can be verified. */
    NO_SECRET_CONFIGURED,
    /** The body exceeds what the plugin accepts. */
    TOO_LARGE
}
