package io.billingnow.sdk.webhook;

import java.util.List;

/**
 * The result of a successful verification: every event of the delivery (providers such as Adyen and GoCardless
 * batch several events in one delivery).
 *
 * @param events the events in delivery order; may be empty for an authentic delivery without events
 */
public record VerifiedWebhook(List<WebhookEvent> events) {

    /** Copies the list. */
    public VerifiedWebhook {
        events = List.copyOf(events);
    }
}
