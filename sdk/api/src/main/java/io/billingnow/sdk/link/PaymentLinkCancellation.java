package io.billingnow.sdk.link;

import io.billingnow.sdk.Credentials;
import io.billingnow.sdk.TenantContext;

import java.util.Objects;

/**
 * A request to close a checkout the provider opened for a payment link, because the host's link was revoked.
 *
 * @param tenant            the tenant that revoked the link
 * @param providerReference the {@link PaymentLink#providerReference()} the plugin returned when it opened the checkout
 * @param credentials       the tenant's credentials for this provider
 * @since 0.1.0
 */
public record PaymentLinkCancellation(TenantContext tenant, String providerReference, Credentials credentials) {

    /** Validates presence. */
    public PaymentLinkCancellation {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(providerReference, "providerReference");
        if (providerReference.isBlank()) {
            throw new IllegalArgumentException("providerReference must not be blank");
        }
        Objects.requireNonNull(credentials, "credentials");
    }
}
