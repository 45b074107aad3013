package io.billingnow.platform.billing.creditnotes;

import io.billingnow.platform.tenancy.Tenants;
import io.billingnow.platform.core.errors.DomainException;
import io.billingnow.platform.audit.AuditEvent;
import io.billingnow.platform.audit.AuditLog;
import io.billingnow.platform.identity.auth.Caller;
import io.billingnow.platform.core.tx.TenantHandle;
import io.billingnow.platform.billing.invoices.DiscountFields;
import io.billingnow.platform.billing.invoices.Invoice;
import io.billingnow.platform.billing.invoices.InvoiceContent;
import io.billingnow.platform.billing.invoices.InvoiceLine;
import io.billingnow.platform.billing.invoices.InvoiceBalance;
import io.billingnow.platform.billing.payments.PaymentService;
import io.billingnow.platform.billing.invoices.InvoiceService;
import io.billingnow.platform.billing.invoices.InvoiceStatus;
import io.billingnow.platform.billing.invoices.LineFields;
import io.billingnow.platform.billing.invoices.calculation.InvoiceCalculation;
import io.billingnow.platform.billing.numbering.DocumentNumberAllocator;
import io.billingnow.platform.billing.numbering.DocumentSeries;
import io.billingnow.platform.tenancy.Tenant;
import io.billingnow.platform.tenancy.TenantDefinition;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Issues credit notes: the only way to correct a finalized invoice. A credit note never exceeds what is left to
 * credit on its invoice, is numbered in its own gapless series, and settles in a fixed order (amount due first).
 */
public final class CreditNoteService {

    private final InvoiceService invoices;
    private final DocumentNumberAllocator numbers;
    private final InvoiceContent content = new InvoiceContent();
    private final AuditLog audit;
    private final Clock clock;

    public CreditNoteService(InvoiceService invoices, DocumentNumberAllocator numbers, AuditLog audit,
                             Clock clock) {
        this.invoices = invoices;
        this.numbers = numbers;
        this.audit = audit;
        this.clock = clock;
    }

    public CreditNote issue(TenantHandle tx, UUID invoiceId, CreditNoteFields fields, Caller actor) {
        Invoice invoice = invoices.lock(tx, invoiceId);
        if (invoice.status() == InvoiceStatus.DRAFT || invoice.status() == InvoiceStatus.VOID) {
            throw DomainException.conflict("invoice-not-creditable",
                    "Only finalized, non-void invoices can be credited; this one is " + invoice.status().wireName());
        }
        CreditNoteDao dao = tx.dao(CreditNoteDao.class);
        long alreadyCredited = dao.creditedTotal(tx.tenant(), invoiceId);
        List<LineFields> lines = fields.lines();
        DiscountFields discount = null;
        if (lines.isEmpty()) {
            discount = invoice.discount();
            if (alreadyCredited > 0) {
                throw DomainException.invalid("/lines", "the invoice is already partly credited: name the lines to credit");
            }
            lines = invoice.lines().stream().map(CreditNoteService::asFields).toList();
        }
        InvoiceCalculation calc = content.calculate(invoice.currency(), invoice.taxBehavior(), discount, lines);
        long total = calc.totals().total();
        if (total <= 0) {
            throw DomainException.invalid("/lines", "a credit note must credit a positive amount");
        }
        if (total > invoice.amounts().total() - alreadyCredited) {
            throw DomainException.unprocessable("credit-exceeds-invoice", "The credit note's total (" + total
                    + ") exceeds what is left to credit on the invoice ("
                    + (invoice.amounts().total() - alreadyCredited) + ")");
        }
        long appliedToDue = invoice.status().collectible() ? Math.min(total, invoice.settlement().amountDue()) : 0;
        long remainder = total - appliedToDue;
        boolean refund = "refund".equals(fields.remainder());
        long refunded = refund ? remainder : 0;
        long credited = refund ? 0 : remainder;
        String settlement = remainder == 0 ? "reduce_amount_due" : refund ? "refund" : "customer_credit";

        Tenant tenant = Tenants.current(tx);
        Instant now = clock.instant();
        String number = numbers.next(tx, DocumentSeries.CREDIT_NOTE,
                TenantDefinition.storedFormat("/settings/creditNoteNumberFormat",
                        tenant.settings().creditNoteNumberFormat()), now.atZone(ZoneOffset.UTC).toLocalDate());
        UUID id = UUID.randomUUID();
        CreditNoteDao.Row row = new CreditNoteDao.Row(id, invoiceId, number, invoice.currency(), fields.reason(),
                settlement, calc.totals().totalNet(), calc.totals().totalTax(), total, appliedToDue, refunded,
                credited, lines, InvoiceContent.taxLines(calc), now);
        dao.insert(tx.tenant(), row);

        PaymentService.recordCreditNote(tx, new PaymentService.CreditNoteMoney(invoiceId,
                invoice.customerId(), invoice.currency(), id, number, refunded, credited), now);
        long amountDue = invoice.settlement().amountDue() - appliedToDue;
        InvoiceStatus status = invoice.status().collectible() && amountDue == 0 ? InvoiceStatus.PAID : invoice.status();
        InvoiceBalance after = invoices.settle(tx, invoiceId, invoice.settlement().amountPaid(),
                invoice.settlement().amountCredited() + appliedToDue, amountDue, status);

        CreditNote note = toCreditNote(row);
        audit.appendAll(tx, List.of(
                new AuditEvent(actor.actorType(), actor.actorId(), "credit_note", id.toString(),
                        "credit_note.issued", null, note),
                new AuditEvent(actor.actorType(), actor.actorId(), "invoice", invoiceId.toString(),
                        "invoice.credited", InvoiceService.summary(invoice), after.summary())));
        return note;
    }

    public CreditNote get(TenantHandle tx, UUID id) {
        return tx.dao(CreditNoteDao.class).find(tx.tenant(), id).map(this::toCreditNote)
                .orElseThrow(() -> DomainException.notFound("Credit note"));
    }

    public List<CreditNote> forInvoice(TenantHandle tx, UUID invoiceId) {
        invoices.get(tx, invoiceId);
        return tx.dao(CreditNoteDao.class).forInvoice(tx.tenant(), invoiceId).stream().map(this::toCreditNote).toList();
    }

    private CreditNote toCreditNote(CreditNoteDao.Row row) {
        return new CreditNote(row.id(), row.invoiceId(), row.number(), row.currency(), row.reason(), row.settlement(),
                row.netTotal(), row.taxTotal(), row.total(), row.appliedToDue(), row.refunded(), row.credited(),
                row.lines(), row.taxBreakdown(), row.issuedAt());
    }

    private static LineFields asFields(InvoiceLine line) {
        return new LineFields(line.description(), line.quantity(), line.unitAmount(), line.taxRates(), line.discount());
    }
}
