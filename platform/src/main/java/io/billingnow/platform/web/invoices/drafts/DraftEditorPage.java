package io.billingnow.platform.web.invoices.drafts;

import io.billingnow.platform.billing.customers.Customer;
import io.billingnow.platform.billing.invoices.calculation.TaxCategory;
import io.billingnow.platform.billing.money.CurrencyUnit;
import io.billingnow.platform.web.shell.FormErrors;
import io.billingnow.platform.web.shell.TenantPage;
import io.billingnow.platform.web.shell.TenantShell;
import io.billingnow.platform.web.shell.WebContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The draft editor: the form exactly as typed (or as stored), its refusal if any, and the totals box the server
 * computed for it. The template only shows; what a field means and what the lines add up to is decided elsewhere.
 */
public final class DraftEditorPage extends TenantPage {

    private final DraftForm form;
    private final List<Customer> customers;
    private final UUID invoiceId;
    private final FormErrors errors;
    private final DraftTotals totals;

    DraftEditorPage(WebContext context, TenantShell shell, DraftForm form, List<Customer> customers, UUID invoiceId,
                    FormErrors errors, DraftTotals totals) {
        super("drafts_editor.mustache", context, shell,
                context.messages().all().get(invoiceId == null ? "drafts_new_title" : "drafts_edit_title"));
        this.form = form;
        this.customers = customers;
        this.invoiceId = invoiceId;
        this.errors = errors;
        this.totals = totals;
    }

    public String heading() {
        return title();
    }

    /** Where the form posts (save, add or remove a line): the editor's own address. */
    public String action() {
        return base() + (invoiceId == null ? "invoices/new" : "invoices/" + invoiceId + "/edit");
    }

    public String previewAction() {
        return base() + "invoices/preview";
    }

    public String cancel() {
        return base() + (invoiceId == null ? "invoices" : "invoices/" + invoiceId);
    }

    public String version() {
        return form.version;
    }

    public boolean noCustomers() {
        return customers.isEmpty();
    }

    public List<Map<String, Object>> customers() {
        return customers.stream().map(c -> option(c.id().toString(), c.name(), c.id().toString().equals(form.customerId)))
                .toList();
    }

    public List<Map<String, Object>> currencies() {
        return CurrencyUnit.knownCodes().stream().sorted()
                .map(code -> option(code, code, code.equals(form.currency))).toList();
    }

    public List<Map<String, Object>> taxBehaviors() {
        String chosen = form.taxBehavior.isBlank() ? "exclusive" : form.taxBehavior;
        return List.of(option("exclusive", msg().get("drafts_exclusive"), "exclusive".equals(chosen)),
                option("inclusive", msg().get("drafts_inclusive"), "inclusive".equals(chosen)));
    }

    public String issueDate() {
        return form.issueDate;
    }

    public String dueDate() {
        return form.dueDate;
    }

    public String memo() {
        return form.memo;
    }

    public List<Map<String, Object>> discountTypes() {
        return discountTypes(form.discountType);
    }

    public String discountValue() {
        return form.discountValue;
    }

    public List<Map<String, Object>> lines() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < form.lines.size(); i++) {
            DraftForm.Line line = form.lines.get(i);
            String at = "lines_" + i + "_";
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("index", i);
            row.put("number", i + 1);
            row.put("description", line.description());
            row.put("quantity", line.quantity());
            row.put("unitAmount", line.unitAmount());
            row.put("discountTypes", discountTypes(line.discountType()));
            row.put("discountValue", line.discountValue());
            row.put("descriptionError", error(at + "description"));
            row.put("quantityError", error(at + "quantity"));
            row.put("unitAmountError", error(at + "unitAmount"));
            row.put("lineDiscountError", error(at + "discount"));
            row.put("lineError", error("lines_" + i));
            List<Map<String, Object>> rates = new ArrayList<>();
            for (int r = 0; r < line.rates().size(); r++) {
                DraftForm.Rate rate = line.rates().get(r);
                String rateAt = at + "taxRates_" + r + "_";
                Map<String, Object> each = new LinkedHashMap<>();
                each.put("line", i);
                each.put("index", r);
                each.put("id", rate.id());
                each.put("name", rate.name());
                each.put("percent", rate.percent());
                each.put("categories", categories(rate.category()));
                each.put("percentError", error(rateAt + "percent"));
                each.put("nameError", error(rateAt + "name"));
                each.put("categoryError", error(rateAt + "category"));
                String anyRate = error("lines_" + i + "_taxRates_" + r);
                each.put("rateError", anyRate);
                rates.add(each);
            }
            row.put("rates", rates);
            row.put("removable", form.lines.size() > 1);
            rows.add(row);
        }
        return rows;
    }

    public FormErrors errors() {
        return errors;
    }

    public String customerError() {
        return error("customerId");
    }

    public String currencyError() {
        return error("currency");
    }

    public String taxBehaviorError() {
        return error("taxBehavior");
    }

    public String issueDateError() {
        return error("issueDate");
    }

    public String dueDateError() {
        return error("dueDate");
    }

    public String memoError() {
        return error("memo");
    }

    public String discountError() {
        return error("discount");
    }

    public DraftTotals totals() {
        return totals;
    }

    private String error(String key) {
        return errors.fields().get(key);
    }

    private List<Map<String, Object>> discountTypes(String chosen) {
        String type = chosen == null || chosen.isBlank() ? "none" : chosen;
        return List.of(option("none", msg().get("drafts_discount_none"), "none".equals(type)),
                option("percent", msg().get("drafts_discount_percent"), "percent".equals(type)),
                option("amount", msg().get("drafts_discount_amount"), "amount".equals(type)));
    }

    private static List<Map<String, Object>> categories(String chosen) {
        List<Map<String, Object>> options = new ArrayList<>();
        for (TaxCategory category : TaxCategory.values()) {
            options.add(option(category.code(), category.code(), category.code().equals(chosen)));
        }
        return options;
    }

    private static Map<String, Object> option(String value, String label, boolean selected) {
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("value", value);
        option.put("label", label);
        option.put("selected", selected);
        return option;
    }
}
