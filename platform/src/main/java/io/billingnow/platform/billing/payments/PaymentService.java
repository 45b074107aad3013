package io.billingnow.platform.billing.payments;

import io.billingnow.platform.core.errors.DomainException;
import io.billingnow.platform.audit.AuditEvent;
import io.billingnow.platform.audit.AuditLog;
import io.billingnow.platform.identity.auth.Caller;
import io.billingnow.platform.core.tx.TenantHandle;
import io.billingnow.platform.billing.invoices.InvoiceBalance;
import io.billingnow.platform.billing.invoices.InvoiceService;
import io.billingnow.platform.billing.invoices.InvoiceStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Records money received against an invoice. The invoice row is locked first, so concurrent payments are applied
 * one after the other and the amount due can never go below zero; what exceeds the amount due becomes the
 * customer's credit balance rather than being lost or over-applied. A payment a provider announced is recorded at
 * most once per provider account and payment reference, however many events announce it.
 */
public final class PaymentService {

    private final InvoiceService invoices;
    private final AuditLog audit;
    private final Clock clock;

    public PaymentService(InvoiceService invoices, AuditLog audit, Clock clock) {
        this.invoices = invoices;
        this.audit = audit;
        this.clock = clock;
    }

    /** Where a payment came from: a person through the API, or a provider through a verified webhook. */
    public record Source(String method, String reference, String provider, String providerReference) {
    }

    /**
     * A payment a provider announced: {@code paymentReference} is the provider's id of the payment (the same in every
     * event about it), recorded at most once per provider account.
     */
    public record ProviderSource(String provider, UUID providerAccountId, String paymentReference) {
    }

    public Payment record(TenantHandle tx, UUID invoiceId, long amount, String currency, Source source,
                          Instant receivedAt, Caller actor) {
        InvoiceBalance invoice = invoices.lockBalance(tx, invoiceId).orElseThrow(InvoiceService::notFound);
        return record(tx, invoice, amount, currency, source, receivedAt, actor);
    }

    /**
     * A payment a person records (the API's {@code POST /v1/invoices/{id}/payments}, the web app's form): the manual
     * rules on amount and date, then on the locked invoice, then the payment.
     */
    public Payment recordManual(TenantHandle tx, UUID invoiceId, PaymentFields fields, ManualPaymentRules rules,
                                Caller actor) {
        rules.checkFields(fields);
        InvoiceBalance invoice = invoices.lockBalance(tx, invoiceId).orElseThrow(InvoiceService::notFound);
        rules.checkInvoice(fields, invoice);
        return record(tx, invoice, fields.amount(), fields.currency(),
                new Source(fields.method(), fields.reference(), null, null), fields.receivedAt(), actor);
    }

    /** Records a payment against an invoice the caller has already locked with {@link InvoiceService#lockBalance}. */
    public Payment record(TenantHandle tx, InvoiceBalance before, long amount, String currency, Source source,
                          Instant receivedAt, Caller actor) {
        return apply(tx, before, amount, currency, source, null, receivedAt, actor).orElseThrow();
    }

    /**
     * Records a provider's payment against a locked invoice unless the account's payment reference is already
     * recorded: then nothing changes and the answer is empty (the payments table's unique constraint
     * {@code payments_provider_reference_once} decides, also between concurrent transactions).
     */
    public Optional<Payment> recordOnce(TenantHandle tx, InvoiceBalance before, long amount, String currency,
                                        ProviderSource source, Instant receivedAt, Caller actor) {
        return apply(tx, before, amount, currency, new Source("provider", source.paymentReference(),
                source.provider(), source.paymentReference()), source.providerAccountId(), receivedAt, actor);
    }

    /** The payments recorded against an invoice, oldest first. */
    public static List<Payment> forInvoice(TenantHandle tx, UUID invoiceId) {
        return tx.dao(PaymentDao.class).forInvoice(tx.tenant(), invoiceId);
    }

    /** The money a credit note gives back on an invoice: paid out ({@code refunded}) and kept as credit. */
    public record CreditNoteMoney(UUID invoiceId, UUID customerId, String currency, UUID creditNoteId,
                                  String creditNoteNumber, long refunded, long credited) {
    }

    /**
     * Records what a credit note gives back: the refunded part as a payment of method {@code refund}, the credited
     * part on the customer's credit balance. The caller holds the invoice's lock and writes the audit events.
     */
    public static void recordCreditNote(TenantHandle tx, CreditNoteMoney money, Instant now) {
        PaymentDao payments = tx.dao(PaymentDao.class);
        if (money.refunded() > 0) {
            payments.insert(tx.tenant(), new Payment(UUID.randomUUID(), money.invoiceId(), "refund", "credit_note",
                    money.refunded(), money.currency(), 0, 0, money.creditNoteNumber(), null, null, now, now));
        }
        if (money.credited() > 0) {
            payments.addCredit(tx.tenant(), UUID.randomUUID(), money.customerId(), money.currency(),
                    money.credited(), "credit_note", money.invoiceId(), money.creditNoteId(), now);
        }
    }

    /** The payment already recorded for a provider account's payment reference, if any. */
    public Optional<UUID> recordedFromProvider(TenantHandle tx, UUID providerAccountId, String paymentReference) {
        return tx.dao(PaymentDao.class).idByProviderReference(tx.tenant(), providerAccountId, paymentReference);
    }

    private Optional<Payment> apply(TenantHandle tx, InvoiceBalance before, long amount, String currency,
                                    Source source, UUID providerAccountId, Instant receivedAt, Caller actor) {
        if (before.status() == InvoiceStatus.DRAFT) {
            throw DomainException.conflict("invoice-not-finalized", "A draft invoice cannot be paid");
        }
        if (before.status() == InvoiceStatus.VOID) {
            throw DomainException.conflict("invoice-void", "A void invoice cannot be paid");
        }
        if (!before.currency().equals(currency)) {
            throw DomainException.unprocessable("currency-mismatch",
                    "The payment's currency differs from the invoice's (" + before.currency() + ")");
        }
        if (amount <= 0) {
            throw DomainException.invalid("/amount", "must be positive");
        }
        UUID invoiceId = before.id();
        long applied = Math.min(amount, before.amountDue());
        long excess = amount - applied;
        Instant now = clock.instant();
        Payment payment = new Payment(UUID.randomUUID(), invoiceId, "payment", source.method(), amount, currency,
                applied, excess, source.reference(), source.provider(), source.providerReference(),
                receivedAt == null ? now : receivedAt, now);
        PaymentDao payments = tx.dao(PaymentDao.class);
        if (providerAccountId == null) {
            payments.insert(tx.tenant(), payment);
        } else if (payments.insertOnce(tx.tenant(), payment, providerAccountId) == 0) {
            return Optional.empty();
        }
        if (excess > 0) {
            payments.addCredit(tx.tenant(), UUID.randomUUID(), before.customerId(), currency, excess,
                    "overpayment", invoiceId, payment.id(), now);
        }
        long amountDue = before.amountDue() - applied;
        InvoiceStatus status = amountDue == 0 ? InvoiceStatus.PAID : before.status();
        InvoiceBalance after = invoices.settle(tx, invoiceId, before.amountPaid() + applied, before.amountCredited(),
                amountDue, status);
        audit.appendAll(tx, List.of(
                new AuditEvent(actor.actorType(), actor.actorId(), "invoice", invoiceId.toString(),
                        "invoice.payment_recorded", before.summary(), after.summary()),
                new AuditEvent(actor.actorType(), actor.actorId(), "payment", payment.id().toString(),
                        "payment.created", null, payment)));
        return Optional.of(payment);
    }

    /** Money received per currency from {@code from} (inclusive) to {@code to} (exclusive), read-only. */
    public List<ReceivedMoney> receivedBetween(TenantHandle tx, Instant from, Instant to) {
        return tx.dao(PaymentDao.class).receivedBetween(tx.tenant(), from, to);
    }

    /** The latest payments and refunds, newest first, read-only. */
    public List<RecentPayment> latest(TenantHandle tx, int limit) {
        return tx.dao(PaymentDao.class).latest(tx.tenant(), limit);
    }
}
