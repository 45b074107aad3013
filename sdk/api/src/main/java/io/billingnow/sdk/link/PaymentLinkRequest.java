package io.billingnow.sdk.link;

import io.billingnow.sdk.Credentials;
import io.billingnow.sdk.Money;
import io.billingnow.sdk.TenantContext;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * A request to issue a hosted payment link.
 *
 * @param tenant      the tenant issuing the invoice
 * @param invoice     the invoice being paid
 * @param amount      the amount to collect; must be positive
 * @param successUrl  where the provider sends the customer after paying
 * @param cancelUrl   where the provider sends the customer who gives up
 * @param expiresAt   the latest instant the link may be usable; the returned link must not outlive it
 * @param credentials the tenant's credentials for this provider
 */
public record PaymentLinkRequest(TenantContext tenant, InvoiceView invoice, Money amount, URI successUrl,
                                 URI cancelUrl, Instant expiresAt, Credentials credentials) {

    /** Validates presence and that the amount is positive. */
    public PaymentLinkRequest {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(invoice, "invoice");
        Objects.requireNonNull(amount, "amount");
        if (amount.minorUnits() <= 0) {
            throw new IllegalArgumentException("amount must be positive");
        }
        Objects.requireNonNull(successUrl, "successUrl");
        Objects.requireNonNull(cancelUrl, "cancelUrl");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(credentials, "credentials");
    }
}
