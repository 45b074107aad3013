package io.billingnow.sdk.link;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * A payment link issued by a provider.
 *
 * @param url               where the customer pays
 * @param providerReference the provider's id for the link or session, for support and reconciliation
 * @param expiresAt         when the link stops working; never after the requested expiry
 */
public record PaymentLink(URI url, String providerReference, Instant expiresAt) {

    /** Validates presence. */
    public PaymentLink {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(providerReference, "providerReference");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
