package io.billingnow.platform.web.invoices;

import io.billingnow.platform.billing.creditnotes.CreditNote;
import io.billingnow.platform.billing.customers.Customer;
import io.billingnow.platform.billing.invoices.Invoice;
import io.billingnow.platform.billing.invoices.InvoiceLine;
import io.billingnow.platform.billing.invoices.InvoiceStatus;
import io.billingnow.platform.billing.invoices.TaxLine;
import io.billingnow.platform.billing.invoices.TaxRateFields;
import io.billingnow.platform.billing.paylinks.PaymentLink;
import io.billingnow.platform.billing.paylinks.PaymentLinkService;
import io.billingnow.platform.billing.payments.Payment;
import io.billingnow.platform.identity.auth.Permission;
import io.billingnow.platform.providers.accounts.ProviderAccount;
import io.billingnow.platform.web.shell.FormErrors;
import io.billingnow.platform.web.shell.TenantPage;
import io.billingnow.platform.web.shell.TenantShell;
import io.billingnow.platform.web.shell.WebContext;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One invoice as stored: parties, lines, the server's totals and tax breakdown, payments, credit notes and payment
 * links, and the actions its status and the person's role allow (the server checks both again on every action). A
 * refused action comes back on this page with its form as typed and the API's words for what is wrong.
 */
public final class InvoicePage extends TenantPage {

    /** What the page shows, read in one transaction. */
    record Detail(Invoice invoice, Customer customer, List<Payment> payments, List<CreditNote> creditNotes,
                  List<PaymentLinkService.IssuedLink> links, List<ProviderAccount> accounts) {
    }

    /** A refused action: which form, what was typed, what the API said. */
    record Refused(String action, Map<String, String> typed, FormErrors errors) {
    }

    private final Detail detail;
    private final Refused refused;
    private final PaymentLink createdLink;

    InvoicePage(WebContext context, TenantShell shell, Detail detail, Refused refused, PaymentLink createdLink) {
        super("invoice.mustache", context, shell, title(context, detail.invoice()));
        this.detail = detail;
        this.refused = refused;
        this.createdLink = createdLink;
    }

    private static String title(WebContext context, Invoice invoice) {
        return invoice.number() != null ? invoice.number() : context.messages().all().get("invoice_draft");
    }

    private Invoice invoice() {
        return detail.invoice();
    }

    public String id() {
        return invoice().id().toString();
    }

    public String heading() {
        return title();
    }

    public String status() {
        String status = statusKey();
        return msg().getOrDefault("status_" + status, status);
    }

    public String statusClass() {
        return "status-" + statusKey();
    }

    private String statusKey() {
        return invoice().dates().overdue() ? "overdue" : invoice().status().wireName();
    }

    public String action() {
        return base() + "invoices/" + id() + "/";
    }

    // --- facts

    public String customerId() {
        return invoice().customerId().toString();
    }

    public String customerName() {
        Object printed = printedCustomer().get("name");
        return printed != null ? printed.toString() : detail.customer() == null ? "" : detail.customer().name();
    }

    public String currency() {
        return invoice().currency();
    }

    public String taxBehavior() {
        return msg().getOrDefault("invoices_tax_" + invoice().taxBehavior(), invoice().taxBehavior());
    }

    public String issueDate() {
        return formats().date(invoice().dates().issueDate());
    }

    public String dueDate() {
        return formats().date(invoice().dates().dueDate());
    }

    public String created() {
        return day(invoice().timestamps().createdAt());
    }

    public String memo() {
        return invoice().memo();
    }

    /** The seller as printed: the snapshot of a finalized invoice; a draft shows the business's name. */
    public List<String> seller() {
        Map<String, Object> seller = invoice().parties() == null ? null : invoice().parties().seller();
        if (seller == null) {
            return List.of(business());
        }
        return partyLines(seller, "legalName");
    }

    /** The customer as printed (snapshot) or, on a draft, as the customer is now. */
    public List<String> buyer() {
        Map<String, Object> printed = printedCustomer();
        if (!printed.isEmpty()) {
            return partyLines(printed, "name");
        }
        Customer customer = detail.customer();
        if (customer == null) {
            return List.of();
        }
        Map<String, Object> current = new LinkedHashMap<>();
        current.put("name", customer.name());
        if (customer.address() != null) {
            Map<String, Object> address = new LinkedHashMap<>();
            address.put("line1", customer.address().line1());
            address.put("line2", customer.address().line2());
            address.put("postalCode", customer.address().postalCode());
            address.put("city", customer.address().city());
            address.put("region", customer.address().region());
            address.put("country", customer.address().country());
            current.put("address", address);
        }
        current.put("country", customer.country());
        current.put("email", customer.email());
        current.put("taxId", customer.taxId());
        return partyLines(current, "name");
    }

    private Map<String, Object> printedCustomer() {
        Map<String, Object> customer = invoice().parties() == null ? null : invoice().parties().customer();
        return customer == null ? Map.of() : customer;
    }

    private static List<String> partyLines(Map<String, Object> party, String nameKey) {
        List<String> lines = new ArrayList<>();
        add(lines, party.get(nameKey));
        if (party.get("address") instanceof Map<?, ?> address) {
            add(lines, address.get("line1"));
            add(lines, address.get("line2"));
            String city = join(address.get("postalCode"), address.get("city"));
            add(lines, city);
            add(lines, address.get("region"));
            add(lines, address.get("country"));
        } else {
            add(lines, party.get("country"));
        }
        add(lines, party.get("email"));
        add(lines, party.get("taxId"));
        return lines;
    }

    private static String join(Object first, Object second) {
        String joined = ((first == null ? "" : first + " ") + (second == null ? "" : second)).trim();
        return joined.isEmpty() ? null : joined;
    }

    private static void add(List<String> lines, Object value) {
        if (value != null && !value.toString().isBlank()) {
            lines.add(value.toString());
        }
    }

    // --- lines and totals (the server's stored amounts; nothing is computed here)

    public List<Map<String, Object>> lines() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (InvoiceLine line : invoice().lines()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("position", line.position());
            row.put("description", line.description());
            row.put("quantity", quantity(line.quantity()));
            row.put("unitAmount", money(line.unitAmount()));
            row.put("taxes", line.taxRates().stream().map(InvoicePage::rateName).collect(Collectors.joining(", ")));
            row.put("discount", line.discountAmount() == 0 ? "" : money(-line.discountAmount()));
            row.put("net", money(line.netAmount()));
            rows.add(row);
        }
        return rows;
    }

    public boolean noLines() {
        return invoice().lines().isEmpty();
    }

    private static String rateName(TaxRateFields rate) {
        return rate.name() + " " + rate.percent().stripTrailingZeros().toPlainString() + "%";
    }

    private String quantity(BigDecimal quantity) {
        NumberFormat format = NumberFormat.getNumberInstance(locale());
        format.setMaximumFractionDigits(Math.max(0, quantity.stripTrailingZeros().scale()));
        return format.format(quantity);
    }

    public Map<String, String> totals() {
        Map<String, String> totals = new LinkedHashMap<>();
        totals.put("subtotal", money(invoice().amounts().subtotal()));
        totals.put("discount", money(-invoice().amounts().discountTotal()));
        totals.put("net", money(invoice().amounts().netTotal()));
        totals.put("tax", money(invoice().amounts().taxTotal()));
        totals.put("total", money(invoice().amounts().total()));
        totals.put("paid", money(invoice().settlement().amountPaid()));
        totals.put("credited", money(invoice().settlement().amountCredited()));
        totals.put("due", money(invoice().settlement().amountDue()));
        return totals;
    }

    public boolean hasDiscount() {
        return invoice().amounts().discountTotal() != 0;
    }

    public List<Map<String, String>> taxes() {
        List<Map<String, String>> rows = new ArrayList<>();
        for (TaxLine tax : invoice().taxBreakdown()) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("name", tax.name() + " " + tax.percent().stripTrailingZeros().toPlainString() + "%");
            row.put("taxable", money(tax.taxableAmount()));
            row.put("amount", money(tax.taxAmount()));
            rows.add(row);
        }
        return rows;
    }

    // --- what happened to it

    public List<Map<String, String>> payments() {
        List<Map<String, String>> rows = new ArrayList<>();
        for (Payment payment : detail.payments()) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("received", day(payment.receivedAt()));
            row.put("method", msg().getOrDefault("method_" + payment.method(), payment.method()));
            row.put("reference", payment.reference() == null ? "" : payment.reference());
            long signed = "refund".equals(payment.kind()) ? -payment.amount() : payment.amount();
            row.put("amount", formats().money(signed, payment.currency()));
            rows.add(row);
        }
        return rows;
    }

    public boolean noPayments() {
        return detail.payments().isEmpty();
    }

    public List<Map<String, String>> creditNotes() {
        List<Map<String, String>> rows = new ArrayList<>();
        for (CreditNote note : detail.creditNotes()) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("number", note.number());
            row.put("issued", day(note.issuedAt()));
            row.put("reason", note.reason() == null ? "" : note.reason());
            row.put("settlement", msg().getOrDefault("invoices_settlement_" + note.settlement(), note.settlement()));
            row.put("total", formats().money(note.total(), note.currency()));
            rows.add(row);
        }
        return rows;
    }

    public boolean noCreditNotes() {
        return detail.creditNotes().isEmpty();
    }

    public List<Map<String, String>> links() {
        List<Map<String, String>> rows = new ArrayList<>();
        Instant now = Instant.now();
        for (PaymentLinkService.IssuedLink link : detail.links()) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("created", day(link.createdAt()));
            row.put("expires", day(link.expiresAt()));
            row.put("account", accountName(link.providerAccountId().toString()));
            String state = link.revokedAt() != null ? "revoked" : link.expiresAt().isAfter(now) ? "live" : "expired";
            row.put("state", msg().getOrDefault("invoices_link_" + state, state));
            rows.add(row);
        }
        return rows;
    }

    public boolean noLinks() {
        return detail.links().isEmpty();
    }

    /** The link just created: its URL is shown this once (only the token's hash is stored). */
    public Map<String, String> createdLink() {
        if (createdLink == null) {
            return null;
        }
        return Map.of("url", createdLink.url().toString(), "expires", day(createdLink.expiresAt()));
    }

    // --- actions: offered by status and role; the server applies both rules again

    private boolean may(Permission permission) {
        return shell().role().allows(permission);
    }

    private InvoiceStatus state() {
        return invoice().status();
    }

    public boolean canEdit() {
        return state() == InvoiceStatus.DRAFT && may(Permission.INVOICES_WRITE);
    }

    public boolean canFinalize() {
        return canEdit();
    }

    public boolean canVoid() {
        return state().collectible() && invoice().settlement().amountPaid() == 0 && may(Permission.INVOICES_WRITE);
    }

    public boolean canMarkUncollectible() {
        return state() == InvoiceStatus.OPEN && may(Permission.INVOICES_WRITE);
    }

    public boolean canRecordPayment() {
        return state().collectible() && may(Permission.PAYMENTS_WRITE);
    }

    public boolean canCredit() {
        long credited = detail.creditNotes().stream().mapToLong(CreditNote::total).sum();
        return state() != InvoiceStatus.DRAFT && state() != InvoiceStatus.VOID
                && invoice().amounts().total() - credited > 0 && may(Permission.CREDIT_NOTES_WRITE);
    }

    /** Only the whole invoice, or lines, when nothing is credited yet; after a partial credit only lines (the API's rule). */
    public boolean canCreditWhole() {
        return detail.creditNotes().isEmpty();
    }

    public boolean canLink() {
        return state().collectible() && invoice().settlement().amountDue() > 0 && may(Permission.PAYMENT_LINKS_WRITE);
    }

    public boolean anyAction() {
        return canEdit() || canVoid() || canMarkUncollectible();
    }

    public List<Map<String, Object>> methods() {
        List<Map<String, Object>> methods = new ArrayList<>();
        for (String method : List.of("bank_transfer", "cash", "cheque", "card", "other")) {
            Map<String, Object> option = new LinkedHashMap<>();
            option.put("value", method);
            option.put("label", msg().getOrDefault("method_" + method, method));
            option.put("selected", method.equals(typed("payment").get("method")));
            methods.add(option);
        }
        return methods;
    }

    public List<Map<String, Object>> accounts() {
        List<Map<String, Object>> accounts = new ArrayList<>();
        for (ProviderAccount account : detail.accounts()) {
            Map<String, Object> option = new LinkedHashMap<>();
            option.put("value", account.id().toString());
            option.put("label", account.displayName() + " (" + account.providerId() + ")");
            option.put("selected", account.id().toString().equals(typed("link").get("providerAccountId")));
            accounts.add(option);
        }
        return accounts;
    }

    public boolean noAccounts() {
        return detail.accounts().isEmpty();
    }

    private String accountName(String id) {
        return detail.accounts().stream().filter(a -> a.id().toString().equals(id))
                .map(ProviderAccount::displayName).findFirst().orElse("");
    }

    // --- a refused action, shown again

    public Map<String, String> paymentTyped() {
        return typed("payment");
    }

    public FormErrors paymentErrors() {
        return errors("payment");
    }

    public Map<String, String> creditTyped() {
        return typed("credit");
    }

    public FormErrors creditErrors() {
        return errors("credit");
    }

    public boolean creditByLines() {
        return "lines".equals(typed("credit").get("scope"));
    }

    public boolean creditRefund() {
        return "refund".equals(typed("credit").get("remainder"));
    }

    public Map<String, String> linkTyped() {
        return typed("link");
    }

    public FormErrors linkErrors() {
        return errors("link");
    }

    /** A refused finalize, void or mark-uncollectible: said at the top of the page. */
    public FormErrors statusErrors() {
        return errors("status");
    }

    private Map<String, String> typed(String action) {
        return refused != null && refused.action().equals(action) ? refused.typed() : Map.of();
    }

    private FormErrors errors(String action) {
        return refused != null && refused.action().equals(action) ? refused.errors() : FormErrors.NONE;
    }

    private String money(long minorUnits) {
        return formats().money(minorUnits, invoice().currency());
    }

    private String day(Instant instant) {
        return instant == null ? "" : formats().date(instant.atZone(ZoneOffset.UTC).toLocalDate());
    }
}
