package io.billingnow.platform.web.customers;

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
 * One customer: a new one's form, an existing one's form (with its version, sent back as the API's If-Match), or
 * for a role that may not change customers, its facts only. A refused form comes back with what was typed and the
 * API's words for what is wrong.
 */
public final class CustomerPage extends TenantPage {

    private final UUID id;
    private final Integer version;
    private final CustomerForm form;
    private final FormErrors errors;

    CustomerPage(WebContext context, TenantShell shell, UUID id, Integer version, CustomerForm form,
                 FormErrors errors) {
        super("customer.mustache", context, shell, id == null ? context.messages().all().get("customers_new")
                : form.value("name"));
        this.id = id;
        this.version = version;
        this.form = form;
        this.errors = errors;
    }

    public boolean isNew() {
        return id == null;
    }

    public String id() {
        return id == null ? null : id.toString();
    }

    public String heading() {
        return isNew() ? msg().get("customers_new") : form.value("name");
    }

    public String action() {
        return base() + "customers" + (isNew() ? "" : "/" + id);
    }

    public Integer version() {
        return version;
    }

    public FormErrors errors() {
        return errors;
    }

    /** The main fields (before the address), each with its label, value and the API's complaint if any. */
    public List<Map<String, Object>> fields() {
        return describe(CustomerForm.FIELDS.stream().filter(f -> !f.startsWith("address_")).toList());
    }

    public List<Map<String, Object>> addressFields() {
        return describe(CustomerForm.FIELDS.stream().filter(f -> f.startsWith("address_")).toList());
    }

    /** The facts a read-only role sees: only what is filled in. */
    public List<Map<String, Object>> facts() {
        List<Map<String, Object>> facts = new ArrayList<>();
        for (Map<String, Object> field : describe(CustomerForm.FIELDS)) {
            if (!"".equals(field.get("value"))) {
                facts.add(field);
            }
        }
        return facts;
    }

    /** The invoices of this customer (the invoices list filtered by it). */
    public String invoices() {
        return base() + "invoices?customer=" + id;
    }

    private List<Map<String, Object>> describe(List<String> names) {
        List<Map<String, Object>> fields = new ArrayList<>();
        for (String name : names) {
            Map<String, Object> field = new LinkedHashMap<>();
            field.put("name", name);
            field.put("label", msg().getOrDefault("customers_field_" + name, name));
            field.put("value", form.value(name));
            field.put("type", "email".equals(name) ? "email" : "text");
            field.put("required", "name".equals(name));
            String hint = msg().get("customers_hint_" + name);
            if (hint != null) {
                field.put("hint", hint);
            }
            String error = errors.fields().get(name);
            if (error != null) {
                field.put("error", error);
            }
            fields.add(field);
        }
        return fields;
    }
}
