package io.billingnow.platform.billing.invoices;

import io.billingnow.platform.core.errors.FieldError;
import io.billingnow.platform.core.errors.Unprocessable;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.billingnow.platform.audit.AuditEvent;
import io.billingnow.platform.audit.AuditLog;
import io.billingnow.platform.identity.auth.Caller;
import io.billingnow.platform.identity.auth.Permission;
import io.billingnow.platform.identity.auth.Role;
import io.billingnow.platform.billing.customers.Customer;
import io.billingnow.platform.billing.customers.CustomerService;
import io.billingnow.platform.core.tx.TenantHandle;
import io.billingnow.platform.core.errors.DomainException;
import io.billingnow.platform.core.paging.Cursor;
import io.billingnow.platform.json.MergePatch;
import io.billingnow.platform.core.paging.Page;
import io.billingnow.platform.billing.invoices.calculation.CalculatedLine;
import io.billingnow.platform.keys.EncryptedColumns;
import io.billingnow.platform.keys.FieldContext;
import io.billingnow.platform.keys.FieldSealer;
import io.billingnow.platform.billing.invoices.calculation.InvoiceCalculation;
import io.billingnow.platform.billing.numbering.DocumentNumberAllocator;
import io.billingnow.platform.billing.numbering.DocumentSeries;
import io.billingnow.platform.billing.numbering.NumberingFormat;
import io.billingnow.platform.tenancy.Tenant;
import io.billingnow.platform.tenancy.Tenants;
import io.billingnow.platform.tenancy.TenantDefinition;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntConsumer;

/**
 * The invoice lifecycle. Drafts may change freely; finalization assigns the number, fixes the dates and snapshots
 * seller and customer, after which the invoice's content never changes again (corrections are credit notes).
 */
public final class InvoiceService {

    /** The type seller and customer snapshots are stored as. */
    private static final TypeReference<Map<String, Object>> SNAPSHOT = new TypeReference<>() {
    };


    private final CustomerService customers;
    private final FieldSealer sealer;
    private final DocumentNumberAllocator numbers;
    private final InvoiceSettings settings;
    private final InvoiceContent content = new InvoiceContent();
    private final AuditLog audit;
    private final ObjectMapper json;
    private final InvoiceRows rows;
    private final Clock clock;

    public InvoiceService(CustomerService customers, FieldSealer sealer, DocumentNumberAllocator numbers,
                          InvoiceSettings settings, AuditLog audit, ObjectMapper json, Clock clock) {
        this.customers = customers;
        this.settings = settings;
        this.sealer = sealer;
        this.numbers = numbers;
        this.audit = audit;
        this.json = json;
        this.rows = new InvoiceRows(clock);
        this.clock = clock;
    }

    public Invoice createDraft(TenantHandle tx, InvoiceFields fields, Caller actor) {
        Customer customer = customers.get(tx, fields.customerId());
        UUID id = UUID.randomUUID();
        Prepared prepared = prepare(tx, fields, customer);
        InvoiceDao dao = tx.dao(InvoiceDao.class);
        InvoiceDao.Row row = dao.insertDraft(tx.tenant(), id, prepared.content(), clock.instant());
        dao.insertLines(tx.tenant(), id, prepared.lines());
        Invoice created = rows.withLineRows(row, prepared.lines());
        audit.append(tx, new AuditEvent(actor.actorType(), actor.actorId(), "invoice", id.toString(),
                "invoice.created", null, created));
        return created;
    }

    /**
     * Applies a JSON merge patch to a draft; {@code precondition} sees the locked current version (If-Match) and may
     * refuse. What the patch leaves out keeps its value: the lines change only when {@code lines} is sent.
     */
    public Invoice updateDraft(TenantHandle tx, UUID id, IntConsumer precondition, JsonNode patch, Caller actor) {
        InvoiceDao dao = tx.dao(InvoiceDao.class);
        Invoice before = toInvoice(tx, dao.lock(tx.tenant(), id).orElseThrow(InvoiceService::notFound));
        requireDraft(before);
        precondition.accept(before.version());
        InvoiceFields fields = MergePatch.applyTo(fieldsOf(before), patch, InvoiceFields.class);
        Customer customer = customers.get(tx, fields.customerId());
        Prepared prepared = prepare(tx, fields, customer);
        InvoiceDao.Row row = dao.updateDraft(tx.tenant(), id, before.version(), prepared.content(), clock.instant())
                .orElseThrow(() -> DomainException.preconditionFailed("The invoice has changed since it was read"));
        dao.deleteLines(tx.tenant(), id);
        dao.insertLines(tx.tenant(), id, prepared.lines());
        // The row comes back from the update and the lines are the ones just written: nothing is read back.
        Invoice after = rows.withLineRows(row, prepared.lines());
        audit.append(tx, new AuditEvent(actor.actorType(), actor.actorId(), "invoice", id.toString(),
                "invoice.updated", before, after));
        return after;
    }

    /** A draft's writable fields, as a client would send them to create it. */
    private static InvoiceFields fieldsOf(Invoice draft) {
        return new InvoiceFields(draft.customerId(), draft.currency(), draft.taxBehavior(), draft.dates().issueDate(),
                draft.dates().dueDate(), draft.memo(), draft.discount(), draft.lines().stream()
                .map(l -> new LineFields(l.description(), l.quantity(), l.unitAmount(), l.taxRates(), l.discount()))
                .toList(), draft.metadata());
    }

    public void deleteDraft(TenantHandle tx, UUID id, Caller actor) {
        InvoiceDao dao = tx.dao(InvoiceDao.class);
        Invoice before = toInvoice(tx, dao.lock(tx.tenant(), id).orElseThrow(InvoiceService::notFound));
        requireDraft(before);
        dao.deleteDraft(tx.tenant(), id);
        audit.append(tx, new AuditEvent(actor.actorType(), actor.actorId(), "invoice", id.toString(),
                "invoice.deleted", before, null));
    }

    public Invoice finalizeDraft(TenantHandle tx, UUID id, Caller actor) {
        InvoiceDao dao = tx.dao(InvoiceDao.class);
        Invoice before = toInvoice(tx, dao.lock(tx.tenant(), id).orElseThrow(InvoiceService::notFound));
        requireDraft(before);
        if (before.lines().isEmpty()) {
            throw DomainException.unprocessable("invoice-empty", "An invoice needs at least one line to be finalized");
        }
        Tenant tenant = Tenants.current(tx);
        LocalDate issueDate = before.dates().issueDate() != null ? before.dates().issueDate()
                : LocalDate.now(clock.withZone(ZoneOffset.UTC));
        if (issueDate.getYear() < NumberingFormat.MIN_YEAR || issueDate.getYear() > NumberingFormat.MAX_YEAR) {
            throw DomainException.unprocessable("issue-date-out-of-range", "The issue date's year must have four digits");
        }
        LocalDate dueDate = before.dates().dueDate() != null ? before.dates().dueDate()
                : issueDate.plusDays(tenant.settings().paymentTermsDays());
        if (dueDate.isBefore(issueDate)) {
            throw DomainException.unprocessable("due-before-issue", "The due date is before the issue date");
        }
        NumberingFormat format = TenantDefinition.storedFormat("/settings/invoiceNumberFormat",
                tenant.settings().invoiceNumberFormat());
        String number = numbers.next(tx, DocumentSeries.INVOICE, format, issueDate);
        InvoiceStatus status = before.amounts().total() == 0 ? InvoiceStatus.PAID : InvoiceStatus.OPEN;
        Customer customer = customers.get(tx, before.customerId());
        // Art. 226 EU VAT Directive: the invoice keeps the buyer's tax id as of finalization, in full but sealed to
        // this invoice row; the snapshot itself holds only the masked value.
        byte[] buyerTaxId = customers.revealTaxId(tx, customer.id())
                .map(taxId -> sealer.encryptString(buyerTaxIdField(tx, id), taxId)).orElse(null);
        // The lines do not change when a draft is finalized: the row comes back from the update, the lines are reused.
        Invoice after = dao.finalizeDraft(tx.tenant(), id, status.wireName(), number, issueDate, dueDate,
                        sellerSnapshot(tenant), customerSnapshot(customer), buyerTaxId, clock.instant())
                .map(row -> rows.withLines(row, before.lines()))
                .orElseThrow(() -> new IllegalStateException("locked draft " + id + " was not finalized"));
        audit.append(tx, new AuditEvent(actor.actorType(), actor.actorId(), "invoice", id.toString(),
                "invoice.finalized", summary(before), summary(after)));
        return after;
    }

    public Invoice voidInvoice(TenantHandle tx, UUID id, Caller actor) {
        InvoiceDao dao = tx.dao(InvoiceDao.class);
        Invoice before = toInvoice(tx, dao.lock(tx.tenant(), id).orElseThrow(InvoiceService::notFound));
        if (!before.status().collectible()) {
            throw DomainException.conflict("invoice-not-voidable",
                    "Only open or uncollectible invoices can be voided; this one is " + before.status().wireName());
        }
        if (before.settlement().amountPaid() > 0) {
            throw DomainException.conflict("invoice-has-payments",
                    "An invoice with payments cannot be voided: issue a credit note instead");
        }
        // The lines do not change: the row comes back from the update, the lines are reused.
        Invoice after = rows.withLines(dao.setStatus(tx.tenant(), id, InvoiceStatus.VOID.wireName(), clock.instant()),
                before.lines());
        audit.append(tx, new AuditEvent(actor.actorType(), actor.actorId(), "invoice", id.toString(),
                "invoice.voided", summary(before), summary(after)));
        return after;
    }

    public Invoice markUncollectible(TenantHandle tx, UUID id, Caller actor) {
        InvoiceDao dao = tx.dao(InvoiceDao.class);
        Invoice before = toInvoice(tx, dao.lock(tx.tenant(), id).orElseThrow(InvoiceService::notFound));
        if (before.status() != InvoiceStatus.OPEN) {
            throw DomainException.conflict("invoice-not-open",
                    "Only open invoices can be marked uncollectible; this one is " + before.status().wireName());
        }
        Invoice after = rows.withLines(dao.setStatus(tx.tenant(), id, InvoiceStatus.UNCOLLECTIBLE.wireName(),
                clock.instant()), before.lines());
        audit.append(tx, new AuditEvent(actor.actorType(), actor.actorId(), "invoice", id.toString(),
                "invoice.marked_uncollectible", summary(before), summary(after)));
        return after;
    }

    /**
     * The invoice with the buyer's tax id in full in its customer snapshot, for a caller whose role may see tax data
     * ({@link Permission#TAX_IDS_READ}); lists, the audit trail and other roles see the masked value.
     */
    public Invoice revealedTo(TenantHandle tx, Invoice invoice, Role role) {
        Map<String, Object> shown = invoice.parties().customer();
        if (shown == null || shown.get("taxId") == null
                || !role.allows(Permission.TAX_IDS_READ)) {
            return invoice;
        }
        return tx.dao(InvoiceDao.class).encryptedBuyerTaxId(tx.tenant(), invoice.id())
                .map(ciphertext -> {
                    Map<String, Object> customer = new LinkedHashMap<>(shown);
                    customer.put("taxId", sealer.decryptString(buyerTaxIdField(tx, invoice.id()), ciphertext));
                    return invoice.withCustomer(customer);
                })
                .orElse(invoice);
    }

    private static FieldContext buyerTaxIdField(TenantHandle tx, UUID invoiceId) {
        return EncryptedColumns.INVOICE_BUYER_TAX_ID.field(tx.tenant(), invoiceId.toString());
    }

    public Invoice get(TenantHandle tx, UUID id) {
        return toInvoice(tx, tx.dao(InvoiceDao.class).find(tx.tenant(), id).orElseThrow(InvoiceService::notFound));
    }

    /** Locks the invoice for a change made by another feature (credit notes by line) and returns it whole. */
    public Invoice lock(TenantHandle tx, UUID id) {
        return toInvoice(tx, tx.dao(InvoiceDao.class).lock(tx.tenant(), id).orElseThrow(InvoiceService::notFound));
    }

    /** Locks the invoice for a change of its money (payments, webhooks) and returns its balance only. */
    public java.util.Optional<InvoiceBalance> lockBalance(TenantHandle tx, UUID id) {
        return tx.dao(InvoiceDao.class).lock(tx.tenant(), id).map(InvoiceBalance::of);
    }

    /**
     * Writes new amounts and status to an invoice the caller has locked and returns its balance after the change.
     * Paid and credited amounts only ever add up; the caller computes them under the lock.
     */
    public InvoiceBalance settle(TenantHandle tx, UUID id, long amountPaid, long amountCredited, long amountDue,
                                 InvoiceStatus status) {
        return InvoiceBalance.of(tx.dao(InvoiceDao.class).settle(tx.tenant(), id, amountPaid, amountCredited,
                amountDue, status.wireName(), clock.instant()));
    }

    public record ListFilter(InvoiceStatus status, UUID customerId, String number, Instant createdFrom,
                             Instant createdTo) {

        /**
         * The filter as a client writes it (the API's query parameters, the web app's filter form): a status's wire
         * name, dates as YYYY-MM-DD (from inclusive, to exclusive, UTC); null filters nothing.
         */
        public static ListFilter of(String status, UUID customerId, String number, String createdFrom,
                                    String createdTo) {
            return new ListFilter(parseStatus(status), customerId, number, date(createdFrom, "/createdFrom"),
                    date(createdTo, "/createdTo"));
        }

        private static InvoiceStatus parseStatus(String status) {
            if (status == null) {
                return null;
            }
            try {
                return InvoiceStatus.fromWireName(status);
            } catch (IllegalArgumentException e) {
                throw DomainException.invalid("/status", e.getMessage());
            }
        }

        private static java.time.Instant date(String value, String pointer) {
            if (value == null) {
                return null;
            }
            try {
                LocalDate date = LocalDate.parse(value);
                // "+100000-01-01" parses, but no database column holds it: the client's mistake, not a 500.
                if (date.getYear() < 1 || date.getYear() > 9999) {
                    throw new java.time.format.DateTimeParseException("out of range", value, 0);
                }
                return date.atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (java.time.format.DateTimeParseException e) {
                throw DomainException.invalid(pointer, "a date as YYYY-MM-DD");
            }
        }
    }

    public Page<Invoice> list(TenantHandle tx, ListFilter filter, String cursor, Integer limit) {
        int size = Cursor.limit(limit);
        Cursor after = Cursor.decode(cursor);
        InvoiceDao dao = tx.dao(InvoiceDao.class);
        List<InvoiceDao.Row> fetched = dao.page(tx.tenant(),
                filter.status() == null ? null : filter.status().wireName(), filter.customerId(), filter.number(),
                filter.createdFrom(), filter.createdTo(), after.createdAt(), after.id(), size + 1);
        return Page.of(rows.loadAll(dao, tx.tenant(), fetched), size, invoice -> invoice.timestamps().createdAt(),
                Invoice::id);
    }

    /** Outstanding and overdue amounts per currency, read-only (the dashboard). */
    public List<OpenTotals> openTotals(TenantHandle tx) {
        return tx.dao(InvoiceDao.class).openTotals(tx.tenant(), LocalDate.now(clock.withZone(ZoneOffset.UTC)));
    }

    /** The most recently created invoices, newest first, read-only (the dashboard). */
    public List<Invoice> latest(TenantHandle tx, int limit) {
        InvoiceDao dao = tx.dao(InvoiceDao.class);
        return rows.loadAll(dao, tx.tenant(), dao.latest(tx.tenant(), Cursor.limit(limit)));
    }

    private record Prepared(InvoiceDao.Content content, List<InvoiceDao.LineRow> lines) {
    }

    /**
     * What a draft with these fields adds up to, computed exactly as {@link #createDraft} and {@link #updateDraft}
     * compute what they store (the same checks, the same currency default, the same calculator); nothing is written.
     * The web editor's live totals call this, so the page never does arithmetic of its own.
     */
    public InvoiceCalculation calculate(TenantHandle tx, InvoiceFields fields) {
        return calculate(tx, fields, customers.get(tx, fields.customerId()));
    }

    private InvoiceCalculation calculate(TenantHandle tx, InvoiceFields fields, Customer customer) {
        String currency = fields.currency();
        if (currency == null) {
            currency = customer.preferredCurrency() != null ? customer.preferredCurrency()
                    : Tenants.current(tx).defaultCurrency();
        }
        LocalDate latestIssueDate = LocalDate.now(clock.withZone(ZoneOffset.UTC))
                .plusDays(settings.issueDateMaxDaysAhead());
        if (fields.issueDate() != null && fields.issueDate().isAfter(latestIssueDate)) {
            throw new Unprocessable("issue-date-too-far-ahead", "Request cannot be processed",
                    "The issue date is more than " + settings.issueDateMaxDaysAhead() + " days ahead",
                    List.of(new FieldError("/issueDate", "must not be after " + latestIssueDate)));
        }
        if (fields.issueDate() != null && fields.dueDate() != null && fields.dueDate().isBefore(fields.issueDate())) {
            throw DomainException.invalid("/dueDate", "must not be before the issue date");
        }
        return content.calculate(currency, fields.taxBehavior(), fields.discount(), fields.lines());
    }

    private Prepared prepare(TenantHandle tx, InvoiceFields fields, Customer customer) {
        InvoiceCalculation calc = calculate(tx, fields, customer);
        String currency = calc.currency().code();
        List<InvoiceDao.LineRow> lines = new ArrayList<>();
        for (int i = 0; i < fields.lines().size(); i++) {
            LineFields line = fields.lines().get(i);
            CalculatedLine computed = calc.lines().get(i);
            lines.add(new InvoiceDao.LineRow(i + 1, line.description(), line.quantity(), line.unitAmount(),
                    line.taxRates(), line.discount(), computed.amount(), computed.discountAmount(),
                    computed.amountAfterDiscount()));
        }
        var totals = calc.totals();
        InvoiceDao.Content row = new InvoiceDao.Content(customer.id(), currency, fields.taxBehavior(),
                fields.issueDate(), fields.dueDate(), fields.memo(), fields.discount(),
                new InvoiceAmounts(totals.subtotal(), totals.totalDiscount(), totals.totalNet(), totals.totalTax(),
                        totals.total()),
                InvoiceContent.taxLines(calc), fields.metadata());
        return new Prepared(row, lines);
    }

    private Invoice toInvoice(TenantHandle tx, InvoiceDao.Row row) {
        return rows.load(tx.dao(InvoiceDao.class), tx.tenant(), row);
    }

    private Map<String, Object> sellerSnapshot(Tenant tenant) {
        Map<String, Object> seller = new LinkedHashMap<>();
        if (tenant.settings().seller() != null) {
            seller.putAll(json.convertValue(tenant.settings().seller(), SNAPSHOT));
        }
        seller.putIfAbsent("legalName", tenant.name());
        seller.putIfAbsent("country", tenant.country());
        return seller;
    }

    /**
     * The buyer as of finalization. Its tax id is the masked value: the full one is stored encrypted beside the
     * snapshot ({@link #revealedTo}).
     */
    private static Map<String, Object> customerSnapshot(Customer customer) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("id", customer.id());
        snapshot.put("name", customer.name());
        if (customer.email() != null) {
            snapshot.put("email", customer.email());
        }
        if (customer.address() != null) {
            snapshot.put("address", customer.address());
        }
        if (customer.country() != null) {
            snapshot.put("country", customer.country());
        }
        if (customer.taxId() != null) {
            snapshot.put("taxId", customer.taxId());
        }
        return snapshot;
    }

    /** What the audit log keeps of an invoice whose lines have not changed: status, number and money. */
    public static Map<String, Object> summary(Invoice invoice) {
        return InvoiceBalance.of(invoice).summary();
    }

    private static void requireDraft(Invoice invoice) {
        if (invoice.status() != InvoiceStatus.DRAFT) {
            throw DomainException.conflict("invoice-finalized",
                    "A finalized invoice cannot be changed; corrections are made with credit notes");
        }
    }

    public static DomainException notFound() {
        return DomainException.notFound("Invoice");
    }
}
