package io.billingnow.platform.billing.payments;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * A payment received outside any provider: bank transfer, cash, cheque… (provider payments arrive by webhook).
 * {@code asCredit: true} records money received for an invoice already paid as the customer's credit balance.
 */
public record PaymentFields(@NotNull @Positive Long amount,
                            @NotNull @Pattern(regexp = "[A-Z]{3}", message = "an ISO 4217 currency code") String currency,
                            @NotNull @Pattern(regexp = "bank_transfer|cash|cheque|card|other",
                                    message = "bank_transfer, cash, cheque, card or other") String method,
                            @Size(max = 200) String reference,
                            Instant receivedAt,
                            Boolean asCredit) {
}
