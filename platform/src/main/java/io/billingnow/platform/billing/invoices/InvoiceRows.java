package io.billingnow.platform.billing.invoices;

import io.billingnow.platform.core.TenantId;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Turns rows of the invoices and invoice_lines tables into invoices as the API shows them. */
final class InvoiceRows {

    private final Clock clock;

    InvoiceRows(Clock clock) {
        this.clock = clock;
    }

    /** The invoice with its lines, loaded with one more statement. */
    Invoice load(InvoiceDao dao, TenantId tenant, InvoiceDao.Row row) {
        return withLineRows(row, dao.lines(tenant, row.id()));
    }

    /**
     * The invoices of a list page, in the rows' order, with the lines of all of them loaded in one statement
     * whatever the page's size (none when the page is empty).
     */
    List<Invoice> loadAll(InvoiceDao dao, TenantId tenant, List<InvoiceDao.Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<InvoiceLine>> lines = new HashMap<>();
        for (InvoiceDao.InvoiceLineRow row : dao.linesOf(tenant, rows.stream().map(InvoiceDao.Row::id).toList())) {
            lines.computeIfAbsent(row.invoiceId(), id -> new ArrayList<>()).add(line(row.line()));
        }
        return rows.stream().map(row -> withLines(row, lines.getOrDefault(row.id(), List.of()))).toList();
    }

    Invoice withLineRows(InvoiceDao.Row row, List<InvoiceDao.LineRow> lines) {
        return withLines(row, lines.stream().map(InvoiceRows::line).toList());
    }

    Invoice withLines(InvoiceDao.Row row, List<InvoiceLine> lines) {
        InvoiceStatus status = InvoiceStatus.fromWireName(row.status());
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        boolean overdue = status.collectible() && row.dueDate() != null && row.dueDate().isBefore(today);
        InvoiceDao.Snapshots snapshots = row.snapshots();
        return new Invoice(row.id(), row.number(), status, row.customerId(), row.currency(), row.taxBehavior(),
                new InvoiceDates(row.issueDate(), row.dueDate(), overdue), row.memo(), row.discount(), lines,
                row.taxBreakdown(), row.amounts(), row.settlement(),
                new InvoiceParties(snapshots == null ? null : snapshots.seller(),
                        snapshots == null ? null : snapshots.customer()),
                row.metadata(), row.timestamps(), row.version());
    }

    private static InvoiceLine line(InvoiceDao.LineRow l) {
        return new InvoiceLine(l.position(), l.description(), l.quantity().stripTrailingZeros(), l.unitAmount(),
                l.taxRates(), l.discount(), l.amount(), l.discountAmount(), l.netAmount());
    }
}
