package io.billingnow.platform.web.gettingpaid;

import io.billingnow.platform.web.shell.FormErrors;
import io.billingnow.platform.web.shell.TenantPage;
import io.billingnow.platform.web.shell.TenantShell;
import io.billingnow.platform.web.shell.WebContext;
import io.billingnow.sdk.CredentialField;
import io.billingnow.sdk.ProviderDescriptor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A new provider account: one input per credential field the plugin declares (its label, required or not), and its
 * webhook signing secret if it signs webhooks. Secret inputs are password inputs that are never filled, not even with
 * what the person just typed when the form comes back with errors; other values come back as typed.
 */
public final class AccountFormPage extends TenantPage {

    private final ProviderDescriptor descriptor;
    private final String displayName;
    private final Map<String, String> typed;
    private final FormErrors errors;

    AccountFormPage(WebContext context, TenantShell shell, ProviderDescriptor descriptor, String displayName,
                    Map<String, String> typed, FormErrors errors) {
        super("provider-account-new.mustache", context, shell, descriptor.displayName());
        this.descriptor = descriptor;
        this.displayName = displayName;
        this.typed = typed;
        this.errors = errors;
    }

    public String providerId() {
        return descriptor.id();
    }

    public String providerName() {
        return descriptor.displayName();
    }

    public String displayName() {
        return displayName;
    }

    public FormErrors errors() {
        return errors;
    }

    public Map<String, String> fieldErrors() {
        return errors.fields();
    }

    /** The inputs, in the descriptor's order, the webhook secret last. */
    public List<Map<String, Object>> fields() {
        List<Map<String, Object>> fields = new ArrayList<>();
        for (CredentialField field : descriptor.credentialFields()) {
            fields.add(input(field, GettingPaidResource.CREDENTIAL_PREFIX + field.name(),
                    errors.fields().get("credentials_" + field.name()),
                    field.secret() ? null : typed.get(field.name())));
        }
        descriptor.webhookSecret().ifPresent(field ->
                fields.add(input(field, "webhookSecret", errors.fields().get("webhookSecret"), null)));
        return fields;
    }

    private Map<String, Object> input(CredentialField field, String name, String error, String value) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("name", name);
        input.put("id", "field-" + name);
        input.put("label", field.label());
        input.put("required", field.required());
        input.put("secret", field.secret());
        input.put("endpoint", field.endpoint());
        input.put("value", value);
        input.put("error", error);
        return input;
    }
}
