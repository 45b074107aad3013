package io.billingnow.sdk;

/**
 * What a payment provider plugin can do. The host only offers a feature to a tenant when the provider declares
 * the matching capability. New constants may be added in later SDK versions: hosts must ignore unknown ones.
 */
public enum Capability {
    /** {@link PaymentProvider#verifyWebhook} verifies and normalises the provider's webhooks. */
    WEBHOOKS,
    /** {@link PaymentProvider#createPaymentLink} issues hosted payment links. */
    PAYMENT_LINKS,
    /** {@link PaymentProvider#checkCredentials} can tell whether a tenant's credentials work. */
    CREDENTIAL_CHECK,
    /** {@link PaymentProvider#cancelPaymentLink} closes a checkout opened for a payment link. */
    CANCEL_PAYMENT_LINKS
}
