package io.billingnow.sdk.webhook;

/**
 * The normalised kind of a provider event. Later SDK versions may add constants: hosts must treat unknown ones
 * like {@link #OTHER}.
 */
public enum EventType {
    /** Money was collected for the payment. */
    PAYMENT_SUCCEEDED,
    /** The payment attempt failed or was declined. */
    PAYMENT_FAILED,
    /** Some or all of a payment was refunded. */
    REFUNDED,
    /** The payer disputed the payment (chargeback). */
    DISPUTED,
    /** Any authentic event the host need not act on. */
    OTHER
}
