package io.billingnow.platform.billing.payments;

import io.billingnow.platform.core.errors.DomainException;
import io.billingnow.platform.billing.invoices.InvoiceBalance;
import io.billingnow.platform.billing.invoices.InvoiceStatus;
import io.billingnow.platform.billing.money.CurrencyUnit;
import java.time.Clock;
import java.time.Instant;

/**
 * What a payment recorded through the API must be to be believed: an amount within the configured bound of its
 * currency, a {@code receivedAt} neither far in the past nor in the future, and not on an invoice already paid
 * unless the caller says the money is to be kept as the customer's credit. (Payments a provider reports by webhook
 * happened: they are recorded whatever they are.)
 */
public final class ManualPaymentRules {

    private final PaymentSettings settings;
    private final Clock clock;

    public ManualPaymentRules(PaymentSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** Checks what needs no invoice: amount and date. */
    public void checkFields(PaymentFields fields) {
        if (CurrencyUnit.isKnown(fields.currency())) {
            long max = settings.maxMinorUnits(fields.currency(), CurrencyUnit.of(fields.currency()).exponent());
            if (fields.amount() > max) {
                throw DomainException.invalid("/amount", "at most " + max + " minor units of " + fields.currency());
            }
        } else {
            throw DomainException.invalid("/currency", "an ISO 4217 currency code");
        }
        if (fields.receivedAt() != null) {
            Instant now = clock.instant();
            if (fields.receivedAt().isBefore(now.minus(settings.receivedAtMaxAge()))) {
                throw DomainException.invalid("/receivedAt",
                        "must not be more than " + settings.receivedAtMaxAge().toDays() + " days in the past");
            }
            if (fields.receivedAt().isAfter(now.plus(settings.receivedAtMaxAhead()))) {
                throw DomainException.invalid("/receivedAt", "must not be in the future");
            }
        }
    }

    /** Checks the payment against the invoice it is for, locked by the caller. */
    public void checkInvoice(PaymentFields fields, InvoiceBalance invoice) {
        if (invoice.status() == InvoiceStatus.PAID && !Boolean.TRUE.equals(fields.asCredit())) {
            throw DomainException.conflict("invoice-paid", "The invoice is already paid; to keep this money as the"
                    + " customer's credit balance, send \"asCredit\": true");
        }
    }
}
