package io.billingnow.sdk.link;

import java.util.Objects;
import java.util.Optional;

/**
 * What a provider may know about the invoice being paid: just enough to label the payment page and to echo our
 * reference back in webhooks.
 *
 * @param invoiceId     the host's stable invoice id; plugins pass it to the provider so webhooks carry it back as
 *                      {@link io.billingnow.sdk.webhook.WebhookEvent#invoiceReference()}
 * @param invoiceNumber the human-readable invoice number shown to the customer
 * @param customerName  the customer's name, if known
 * @param customerEmail the customer's e-mail address, if known
 * @param description   a short description for the payment page
 */
public record InvoiceView(String invoiceId, String invoiceNumber, Optional<String> customerName,
                          Optional<String> customerEmail, String description) {

    /** Validates presence. */
    public InvoiceView {
        Objects.requireNonNull(invoiceId, "invoiceId");
        if (invoiceId.isBlank()) {
            throw new IllegalArgumentException("invoiceId must not be blank");
        }
        Objects.requireNonNull(invoiceNumber, "invoiceNumber");
        Objects.requireNonNull(customerName, "customerName");
        Objects.requireNonNull(customerEmail, "customerEmail");
        Objects.requireNonNull(description, "description");
    }
}
