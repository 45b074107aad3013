package io.billingnow.platform.web.dashboard;

import io.billingnow.platform.billing.invoices.Invoice;
import io.billingnow.platform.billing.invoices.OpenTotals;
import io.billingnow.platform.billing.payments.ReceivedMoney;
import io.billingnow.platform.billing.payments.RecentPayment;
import io.billingnow.platform.web.shell.TenantPage;
import io.billingnow.platform.web.shell.TenantShell;
import io.billingnow.platform.web.shell.WebContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The dashboard's figures, formatted for the page's locale; every amount in its own currency. */
public final class DashboardPage extends TenantPage {

    private final DashboardResource.Figures figures;
    private final LocalDate today;

    DashboardPage(WebContext context, TenantShell shell, DashboardResource.Figures figures, LocalDate today) {
        super("dashboard.mustache", context, shell, figures.tenant().name());
        this.figures = figures;
        this.today = today;
    }

    public String businessName() {
        return figures.tenant().name();
    }

    public String month() {
        return today.getMonth().getDisplayName(java.time.format.TextStyle.FULL_STANDALONE, locale()) + " "
                + today.getYear();
    }

    /** One row per currency that has anything open or received this month. */
    public List<Map<String, String>> totals() {
        TreeSet<String> currencies = new TreeSet<>();
        figures.open().forEach(t -> currencies.add(t.currency()));
        figures.paidThisMonth().forEach(t -> currencies.add(t.currency()));
        List<Map<String, String>> rows = new ArrayList<>();
        for (String currency : currencies) {
            OpenTotals open = figures.open().stream().filter(t -> t.currency().equals(currency)).findFirst()
                    .orElse(new OpenTotals(currency, 0, 0));
            long paid = figures.paidThisMonth().stream().filter(t -> t.currency().equals(currency))
                    .mapToLong(ReceivedMoney::amount).sum();
            Map<String, String> row = new LinkedHashMap<>();
            row.put("currency", currency);
            row.put("outstanding", formats().money(open.outstanding(), currency));
            row.put("overdue", formats().money(open.overdue(), currency));
            row.put("paid", formats().money(paid, currency));
            rows.add(row);
        }
        return rows;
    }

    public boolean noTotals() {
        return totals().isEmpty();
    }

    public List<Map<String, String>> invoices() {
        return figures.latest().stream().map(this::row).toList();
    }

    public boolean noInvoices() {
        return figures.latest().isEmpty();
    }

    public List<Map<String, String>> payments() {
        return figures.latestPayments().stream().map(this::row).toList();
    }

    public boolean noPayments() {
        return figures.latestPayments().isEmpty();
    }

    private Map<String, String> row(RecentPayment payment) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("invoiceId", payment.invoiceId().toString());
        row.put("invoice", payment.invoiceNumber() == null ? "" : payment.invoiceNumber());
        row.put("received", formats().date(payment.receivedAt().atZone(java.time.ZoneOffset.UTC).toLocalDate()));
        row.put("method", messages().all().getOrDefault("method_" + payment.method(), payment.method()));
        long signed = "refund".equals(payment.kind()) ? -payment.amount() : payment.amount();
        row.put("amount", formats().money(signed, payment.currency()));
        return row;
    }

    private Map<String, String> row(Invoice invoice) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("id", invoice.id().toString());
        row.put("number", invoice.number() == null ? messages().all().get("invoice_draft") : invoice.number());
        Object customer = invoice.parties() == null || invoice.parties().customer() == null ? null
                : invoice.parties().customer().get("name");
        row.put("customer", customer == null ? "" : customer.toString());
        String status = invoice.dates().overdue() ? "overdue" : invoice.status().wireName();
        row.put("status", messages().all().getOrDefault("status_" + status, status));
        row.put("statusClass", "status-" + status);
        row.put("due", formats().date(invoice.dates().dueDate()));
        row.put("total", formats().money(invoice.amounts().total(), invoice.currency()));
        row.put("amountDue", formats().money(invoice.settlement().amountDue(), invoice.currency()));
        return row;
    }
}
