package io.billingnow.platform.offboarding;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.billingnow.platform.audit.AuditLog;
import io.billingnow.platform.audit.AuditEntry;
import io.billingnow.platform.audit.AuditEvent;
import io.billingnow.platform.audit.AuditEventView;
import io.billingnow.platform.identity.auth.Caller;
import io.billingnow.platform.billing.creditnotes.CreditNoteService;
import io.billingnow.platform.billing.customers.Customer;
import io.billingnow.platform.billing.customers.CustomerService;
import io.billingnow.platform.core.tx.TenantHandle;
import io.billingnow.platform.core.paging.Cursor;
import io.billingnow.platform.core.paging.Page;
import io.billingnow.platform.billing.invoices.Invoice;
import io.billingnow.platform.billing.invoices.InvoiceService;
import io.billingnow.platform.billing.payments.PaymentService;
import io.billingnow.platform.tenancy.Tenant;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * A tenant's records as one JSON document, written as it is read (page by page, never held in memory whole), in the
 * same shapes the API answers: customers, invoices each with its lines, credit notes and payments, and the audit
 * trail. What a tenant takes along before it is offboarded, and what the retention period keeps afterwards. Works in
 * the tenant transaction its caller opened.
 */
public final class TenantExport {

    public static final String FORMAT = "billingnow-tenant-export/1";

    private final CustomerService customers;
    private final InvoiceService invoices;
    private final CreditNoteService creditNotes;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Clock clock;

    public TenantExport(CustomerService customers, InvoiceService invoices, CreditNoteService creditNotes,
                        AuditLog audit, ObjectMapper json, Clock clock) {
        this.customers = customers;
        this.invoices = invoices;
        this.creditNotes = creditNotes;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /** Records who exported what in the tenant's own audit trail; the export that follows includes that entry. */
    public void recordExport(TenantHandle tx, Tenant tenant, Caller actor) {
        audit.append(tx, new AuditEvent(actor.actorType(), actor.actorId(), "tenant", tenant.id().toString(),
                "tenant.exported", null, Map.of("format", FORMAT)));
    }

    /** Writes the export of one tenant, read in the one transaction {@code tx}. */
    public void write(TenantHandle tx, Tenant tenant, OutputStream out) {
        try (JsonGenerator generator = json.getFactory().createGenerator(out)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            generator.writeStartObject();
            generator.writeStringField("format", FORMAT);
            generator.writeStringField("exportedAt", clock.instant().toString());
            generator.writeObjectField("tenant", tenant);
            writeCustomers(tx, generator);
            writeInvoices(tx, generator);
            writeAuditLog(tx, generator);
            generator.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeCustomers(TenantHandle tx, JsonGenerator generator) throws IOException {
        generator.writeArrayFieldStart("customers");
        String cursor = null;
        do {
            Page<Customer> page = customers.list(tx, null, cursor, Cursor.MAX_LIMIT);
            for (Customer customer : page.data()) {
                generator.writeObject(customer);
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        generator.writeEndArray();
    }

    private void writeInvoices(TenantHandle tx, JsonGenerator generator) throws IOException {
        generator.writeArrayFieldStart("invoices");
        InvoiceService.ListFilter all = new InvoiceService.ListFilter(null, null, null, null, null);
        String cursor = null;
        do {
            Page<Invoice> page = invoices.list(tx, all, cursor, Cursor.MAX_LIMIT);
            for (Invoice invoice : page.data()) {
                // The invoice as the API shows it, with the documents that belong to it.
                ObjectNode exported = json.valueToTree(invoice);
                exported.set("creditNotes", json.valueToTree(creditNotes.forInvoice(tx, invoice.id())));
                exported.set("payments",
                        json.valueToTree(PaymentService.forInvoice(tx, invoice.id())));
                generator.writeTree(exported);
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        generator.writeEndArray();
    }

    private void writeAuditLog(TenantHandle tx, JsonGenerator generator) throws IOException {
        generator.writeArrayFieldStart("auditLog");
        long after = 0;
        while (true) {
            List<AuditEntry> page = AuditLog.entries(tx, after, Cursor.MAX_LIMIT);
            for (AuditEntry entry : page) {
                generator.writeObject(AuditEventView.of(entry, json));
            }
            if (page.size() < Cursor.MAX_LIMIT) {
                break;
            }
            after = page.get(page.size() - 1).seq();
        }
        generator.writeEndArray();
    }

}
