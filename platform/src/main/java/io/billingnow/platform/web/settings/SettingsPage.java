package io.billingnow.platform.web.settings;

import io.billingnow.platform.tenancy.Languages;
import io.billingnow.platform.tenancy.settings.BusinessSettings;
import io.billingnow.platform.tenancy.settings.LogoInfo;
import io.billingnow.platform.web.shell.FormErrors;
import io.billingnow.platform.web.shell.TenantPage;
import io.billingnow.platform.web.shell.TenantShell;
import io.billingnow.platform.web.shell.WebContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The business's settings: the form (the values stored, or those typed when a change was refused, with the refusal's
 * field errors), which fields an operator's tenants-config file sets (read-only here), and the logo.
 */
public final class SettingsPage extends TenantPage {

    private static final List<List<String>> GROUPS = List.of(
            List.of("legalName", "taxId", "email"),
            List.of("address_line1", "address_line2", "address_postalCode", "address_city", "address_region",
                    "address_country"),
            List.of("invoiceNumberFormat", "creditNoteNumberFormat", "paymentTermsDays", "currency"));

    private final BusinessSettings settings;
    private final Map<String, String> values;
    private final FormErrors errors;
    private final FormErrors logoErrors;

    SettingsPage(WebContext context, TenantShell shell, BusinessSettings settings, Map<String, String> values,
                 FormErrors errors, FormErrors logoErrors) {
        super("settings.mustache", context, shell, context.messages().all().get("settings_title"));
        this.settings = settings;
        this.values = values;
        this.errors = errors;
        this.logoErrors = logoErrors;
    }

    /** The seller's fields, the address's, then invoicing's: each input with its label, value and error. */
    public List<Map<String, Object>> seller() {
        return inputs(GROUPS.get(0));
    }

    public List<Map<String, Object>> address() {
        return inputs(GROUPS.get(1));
    }

    public List<Map<String, Object>> invoicing() {
        return inputs(GROUPS.get(2));
    }

    private List<Map<String, Object>> inputs(List<String> names) {
        List<Map<String, Object>> inputs = new ArrayList<>();
        for (String name : names) {
            Map<String, Object> input = new LinkedHashMap<>();
            input.put("name", name);
            input.put("label", msg().getOrDefault("settings_" + name, name));
            String hint = msg().get("settings_" + name + "_hint");
            input.put("hint", hint);
            input.put("value", values.getOrDefault(name, ""));
            input.put("error", errors.fields().get(name));
            input.put("readonly", readOnly(name));
            input.put("type", "email".equals(name) ? "email" : "paymentTermsDays".equals(name) ? "number" : "text");
            inputs.add(input);
        }
        return inputs;
    }

    /** A field a tenants-config file sets: {@code address_city} is read-only when {@code /address} is. */
    private boolean readOnly(String name) {
        String pointer = "/" + name.replace('_', '/');
        return settings.readOnlyFields().stream()
                .anyMatch(field -> pointer.equals(field) || pointer.startsWith(field + "/"));
    }

    public List<Map<String, Object>> languageOptions() {
        List<Map<String, Object>> options = new ArrayList<>();
        for (String code : Languages.SUPPORTED) {
            Locale language = Locale.forLanguageTag(code);
            options.add(Map.of("code", code, "name", language.getDisplayLanguage(language),
                    "selected", code.equals(values.get("language"))));
        }
        return options;
    }

    public boolean languageReadOnly() {
        return readOnly("language");
    }

    public String languageValue() {
        return values.getOrDefault("language", "");
    }

    public String languageError() {
        return errors.fields().get("language");
    }

    public String managedBy() {
        return settings.readOnlyFields().isEmpty() ? null : settings.managedBy();
    }

    public int version() {
        return settings.version();
    }

    public FormErrors errors() {
        return errors;
    }

    public FormErrors logoErrors() {
        return logoErrors;
    }

    public boolean hasLogo() {
        return settings.logo() != null;
    }

    public String logoSize() {
        LogoInfo logo = settings.logo();
        return logo == null ? null : logo.width() + " × " + logo.height() + " px, "
                + formats().number(Math.max(1, logo.bytes() / 1024)) + " KiB";
    }
}
