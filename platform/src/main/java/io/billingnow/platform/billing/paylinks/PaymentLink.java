package io.billingnow.platform.billing.paylinks;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/** A payment link as returned once, at creation: the only time its URL (which holds the token) is shown. */
public record PaymentLink(UUID id, UUID invoiceId, UUID providerAccountId, URI url, Instant expiresAt) {
}
