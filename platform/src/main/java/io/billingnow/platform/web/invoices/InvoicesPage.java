package io.billingnow.platform.web.invoices;

import io.billingnow.platform.billing.customers.Customer;
import io.billingnow.platform.billing.invoices.Invoice;
import io.billingnow.platform.billing.invoices.InvoiceStatus;
import io.billingnow.platform.core.paging.Page;
import io.billingnow.platform.web.shell.TenantPage;
import io.billingnow.platform.web.shell.TenantShell;
import io.billingnow.platform.web.shell.WebContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The invoices list: the API's listing with its filters (status, customer, number, created between) and paging. */
public final class InvoicesPage extends TenantPage {

    /** The filter as typed, by query parameter name; blank values filter nothing. */
    record Filter(String status, String customer, String number, String createdFrom, String createdTo) {

        Map<String, String> asParameters() {
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put("status", status);
            parameters.put("customer", customer);
            parameters.put("number", number);
            parameters.put("createdFrom", createdFrom);
            parameters.put("createdTo", createdTo);
            parameters.values().removeIf(v -> v == null || v.isEmpty());
            return parameters;
        }
    }

    private final Page<Invoice> page;
    private final List<Customer> customers;
    private final Filter filter;

    InvoicesPage(WebContext context, TenantShell shell, Page<Invoice> page, List<Customer> customers, Filter filter) {
        super("invoices.mustache", context, shell, context.messages().all().get("nav_invoices"));
        this.page = page;
        this.customers = customers;
        this.filter = filter;
    }

    public Map<String, String> filter() {
        return filter.asParameters();
    }

    public boolean filtered() {
        return !filter.asParameters().isEmpty();
    }

    public List<Map<String, Object>> statuses() {
        List<Map<String, Object>> options = new ArrayList<>();
        for (InvoiceStatus status : InvoiceStatus.values()) {
            Map<String, Object> option = new LinkedHashMap<>();
            option.put("value", status.wireName());
            option.put("label", msg().getOrDefault("status_" + status.wireName(), status.wireName()));
            option.put("selected", status.wireName().equals(filter.status()));
            options.add(option);
        }
        return options;
    }

    public List<Map<String, Object>> customerOptions() {
        List<Map<String, Object>> options = new ArrayList<>();
        for (Customer customer : customers) {
            Map<String, Object> option = new LinkedHashMap<>();
            option.put("value", customer.id().toString());
            option.put("label", customer.name());
            option.put("selected", customer.id().toString().equals(filter.customer()));
            options.add(option);
        }
        return options;
    }

    public List<Map<String, Object>> invoices() {
        return page.data().stream().map(this::row).toList();
    }

    public boolean none() {
        return page.data().isEmpty();
    }

    /** The next page's address with the same filter, or null on the last page. */
    public String next() {
        if (page.nextCursor() == null) {
            return null;
        }
        StringBuilder query = new StringBuilder();
        filter.asParameters().forEach((name, value) -> query.append(name).append('=').append(encode(value))
                .append('&'));
        return base() + "invoices?" + query + "cursor=" + encode(page.nextCursor());
    }

    private Map<String, Object> row(Invoice invoice) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", invoice.id().toString());
        row.put("number", invoice.number() == null ? msg().get("invoice_draft") : invoice.number());
        row.put("customer", customerName(invoice));
        String status = invoice.dates().overdue() ? "overdue" : invoice.status().wireName();
        row.put("status", msg().getOrDefault("status_" + status, status));
        row.put("statusClass", "status-" + status);
        row.put("issued", formats().date(invoice.dates().issueDate()));
        row.put("due", formats().date(invoice.dates().dueDate()));
        row.put("total", formats().money(invoice.amounts().total(), invoice.currency()));
        row.put("amountDue", formats().money(invoice.settlement().amountDue(), invoice.currency()));
        row.put("draft", invoice.status() == InvoiceStatus.DRAFT);
        return row;
    }

    /** The name printed on the invoice once finalized; a draft's is its customer's current name. */
    private String customerName(Invoice invoice) {
        Object printed = invoice.parties() == null || invoice.parties().customer() == null ? null
                : invoice.parties().customer().get("name");
        if (printed != null) {
            return printed.toString();
        }
        return customers.stream().filter(c -> c.id().equals(invoice.customerId())).map(Customer::name).findFirst()
                .orElse("");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
