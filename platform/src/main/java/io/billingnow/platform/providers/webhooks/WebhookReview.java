package io.billingnow.platform.providers.webhooks;

import java.time.Instant;
import java.util.UUID;

/** An authentic provider event kept for review (it could not be applied by itself), as the API and the web app show it. */
public record WebhookReview(UUID id, UUID accountId, String providerEventId, String reason, String invoiceReference,
                            String paymentReference, Long amount, String currency, Instant createdAt) {
}
