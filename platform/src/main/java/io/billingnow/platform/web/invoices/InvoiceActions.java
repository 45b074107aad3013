package io.billingnow.platform.web.invoices;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.billingnow.platform.billing.creditnotes.CreditNote;
import io.billingnow.platform.billing.creditnotes.CreditNoteFields;
import io.billingnow.platform.billing.creditnotes.CreditNoteService;
import io.billingnow.platform.billing.invoices.Invoice;
import io.billingnow.platform.billing.invoices.InvoiceLine;
import io.billingnow.platform.billing.invoices.InvoiceService;
import io.billingnow.platform.billing.invoices.LineFields;
import io.billingnow.platform.billing.paylinks.PaymentLink;
import io.billingnow.platform.billing.paylinks.PaymentLinkFields;
import io.billingnow.platform.billing.paylinks.PaymentLinkService;
import io.billingnow.platform.billing.payments.ManualPaymentRules;
import io.billingnow.platform.billing.payments.Payment;
import io.billingnow.platform.billing.payments.PaymentFields;
import io.billingnow.platform.billing.payments.PaymentService;
import io.billingnow.platform.core.errors.DomainException;
import io.billingnow.platform.core.tx.TenantTransactions;
import io.billingnow.platform.identity.auth.TenantCaller;
import io.billingnow.platform.json.MergePatch;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The invoice page's actions: each turns its form into the API's own command and calls the service method the API
 * resource calls, in one tenant transaction (the payment link, like its API resource, through the link service,
 * which opens its own around the provider check). Refusals are the API's {@code DomainException}s, with pointers to
 * the API's fields, which the forms' inputs are named after.
 */
public final class InvoiceActions {

    private final TenantTransactions transactions;
    private final InvoiceService invoices;
    private final PaymentService payments;
    private final CreditNoteService creditNotes;
    private final ManualPaymentRules manualPayments;
    private final PaymentLinkService paymentLinks;

    public InvoiceActions(TenantTransactions transactions, InvoiceService invoices, PaymentService payments,
                          CreditNoteService creditNotes, ManualPaymentRules manualPayments,
                          PaymentLinkService paymentLinks) {
        this.transactions = transactions;
        this.invoices = invoices;
        this.payments = payments;
        this.creditNotes = creditNotes;
        this.manualPayments = manualPayments;
        this.paymentLinks = paymentLinks;
    }

    /** {@code POST /v1/invoices/{id}/finalize}. */
    Invoice finalizeDraft(TenantCaller caller, UUID id) {
        return transactions.write(caller.tenant(), tx -> invoices.finalizeDraft(tx, id, caller));
    }

    /** {@code POST /v1/invoices/{id}/void}. */
    Invoice voidInvoice(TenantCaller caller, UUID id) {
        return transactions.write(caller.tenant(), tx -> invoices.voidInvoice(tx, id, caller));
    }

    /** {@code POST /v1/invoices/{id}/mark-uncollectible}. */
    Invoice markUncollectible(TenantCaller caller, UUID id) {
        return transactions.write(caller.tenant(), tx -> invoices.markUncollectible(tx, id, caller));
    }

    /**
     * {@code POST /v1/invoices/{id}/payments}: amount typed in the invoice's currency, method, reference and the day
     * received (blank: now). The currency is the invoice's, read in the same transaction.
     */
    Payment recordPayment(TenantCaller caller, UUID id, MultivaluedMap<String, String> form) {
        return transactions.write(caller.tenant(), tx -> {
            Invoice invoice = invoices.get(tx, id);
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            Long amount = AmountInput.minorUnits(form.getFirst("amount"), invoice.currency(), "/amount");
            if (amount != null) {
                body.put("amount", amount);
            }
            body.put("currency", invoice.currency());
            putIfPresent(body, "method", form.getFirst("method"));
            putIfPresent(body, "reference", form.getFirst("reference"));
            String received = form.getFirst("receivedAt");
            if (received != null && !received.isBlank()) {
                body.put("receivedAt", day(received.trim(), "/receivedAt").atStartOfDay(ZoneOffset.UTC).toInstant()
                        .toString());
            }
            PaymentFields fields = MergePatch.bind(body, PaymentFields.class);
            return payments.recordManual(tx, id, fields, manualPayments, caller);
        });
    }

    /**
     * {@code POST /v1/invoices/{id}/credit-notes}: the whole invoice ({@code scope=whole}: no lines, the API's rule),
     * or the invoice lines ticked ({@code scope=lines}, {@code line=<position>}), each credited in full; the reason
     * and what happens to money already paid ({@code remainder}).
     */
    CreditNote issueCreditNote(TenantCaller caller, UUID id, MultivaluedMap<String, String> form) {
        return transactions.write(caller.tenant(), tx -> {
            List<LineFields> lines = new ArrayList<>();
            if ("lines".equals(form.getFirst("scope"))) {
                List<String> ticked = form.get("line") == null ? List.of() : form.get("line");
                for (InvoiceLine line : invoices.get(tx, id).lines()) {
                    if (ticked.contains(Integer.toString(line.position()))) {
                        lines.add(new LineFields(line.description(), line.quantity(), line.unitAmount(),
                                line.taxRates(), line.discount()));
                    }
                }
                if (lines.isEmpty()) {
                    // No lines is the API's "the whole invoice": never what someone who chose lines meant.
                    throw DomainException.invalid("/lines", "choose at least one line to credit");
                }
            }
            ObjectNode chosen = JsonNodeFactory.instance.objectNode();
            putIfPresent(chosen, "reason", form.getFirst("reason"));
            putIfPresent(chosen, "remainder", form.getFirst("remainder"));
            CreditNoteFields fields = MergePatch.applyTo(new CreditNoteFields(lines, null, null), chosen,
                    CreditNoteFields.class);
            return creditNotes.issue(tx, id, fields, caller);
        });
    }

    /**
     * {@code POST /v1/invoices/{id}/payment-links}: the provider account to pay through and the lifetime in days
     * (blank: the API's default). The answer holds the link's URL, shown this once.
     */
    PaymentLink createPaymentLink(TenantCaller caller, UUID id, MultivaluedMap<String, String> form) {
        UUID account = uuid(form.getFirst("providerAccountId"), "/providerAccountId");
        String days = form.getFirst("expiresInDays");
        Long seconds = null;
        if (days != null && !days.isBlank()) {
            if (!days.trim().matches("[0-9]{1,4}")) {
                throw DomainException.invalid("/expiresInDays", "a whole number of days");
            }
            seconds = Long.parseLong(days.trim()) * 86_400L;
        }
        return paymentLinks.create(caller, id, new PaymentLinkFields(account, seconds));
    }

    private static void putIfPresent(ObjectNode body, String field, String value) {
        if (value != null && !value.isBlank()) {
            body.put(field, value.trim());
        }
    }

    private static LocalDate day(String value, String pointer) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw DomainException.invalid(pointer, "a date as YYYY-MM-DD");
        }
    }

    private static UUID uuid(String value, String pointer) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(pointer, "no such provider account");
        }
    }
}
