package io.billingnow.platform.billing.invoices;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * An invoice's state and money without its lines or snapshots: all that payments, credits and webhooks read and
 * change, so that they need not load the whole invoice (one statement instead of three).
 */
public record InvoiceBalance(UUID id, String number, InvoiceStatus status, UUID customerId, String currency,
                             long total, long amountPaid, long amountCredited, long amountDue, int version) {

    static InvoiceBalance of(InvoiceDao.Row row) {
        return new InvoiceBalance(row.id(), row.number(), InvoiceStatus.fromWireName(row.status()), row.customerId(),
                row.currency(), row.amounts().total(), row.settlement().amountPaid(), row.settlement().amountCredited(),
                row.settlement().amountDue(), row.version());
    }

    static InvoiceBalance of(Invoice invoice) {
        return new InvoiceBalance(invoice.id(), invoice.number(), invoice.status(), invoice.customerId(),
                invoice.currency(), invoice.amounts().total(), invoice.settlement().amountPaid(),
                invoice.settlement().amountCredited(), invoice.settlement().amountDue(), invoice.version());
    }

    /** What the audit log records of an invoice before and after a change of state or money. */
    public Map<String, Object> summary() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("status", status.wireName());
        summary.put("number", number);
        summary.put("total", total);
        summary.put("amountPaid", amountPaid);
        summary.put("amountCredited", amountCredited);
        summary.put("amountDue", amountDue);
        summary.put("version", version);
        return summary;
    }
}
