package io.billingnow.platform.web.gettingpaid;

import io.billingnow.platform.providers.accounts.ProviderAccount;
import io.billingnow.platform.web.shell.FormErrors;
import io.billingnow.platform.web.shell.TenantPage;
import io.billingnow.platform.web.shell.TenantShell;
import io.billingnow.platform.web.shell.WebContext;
import io.billingnow.sdk.CredentialField;
import io.billingnow.sdk.ProviderDescriptor;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One provider account: its webhook URL to paste at the provider, its settings (non-secret values only: a secret is
 * shown as "stored", never even as the API's last-four hint), its accepted webhook secrets by date, the rotation form
 * and disconnecting.
 */
public final class AccountPage extends TenantPage {

    private final ProviderAccount account;
    private final Optional<ProviderDescriptor> descriptor;
    private final FormErrors errors;
    private final String typedOverlapHours;

    AccountPage(WebContext context, TenantShell shell, ProviderAccount account, Optional<ProviderDescriptor> descriptor,
                FormErrors errors, String typedOverlapHours) {
        super("provider-account.mustache", context, shell, account.displayName());
        this.account = account;
        this.descriptor = descriptor;
        this.errors = errors;
        this.typedOverlapHours = typedOverlapHours;
    }

    public String id() {
        return account.id().toString();
    }

    public String name() {
        return account.displayName();
    }

    public String providerName() {
        return descriptor.map(ProviderDescriptor::displayName).orElse(account.providerId());
    }

    public String webhookUrl() {
        return account.webhookUrl().toString();
    }

    public String created() {
        return dateTime(account.createdAt());
    }

    public FormErrors errors() {
        return errors;
    }

    public Map<String, String> fieldErrors() {
        return errors.fields();
    }

    public String overlapHours() {
        return typedOverlapHours != null ? typedOverlapHours
                : Long.toString(io.billingnow.platform.providers.accounts.ProviderAccountService.DEFAULT_SECRET_OVERLAP
                .toHours());
    }

    /**
     * The settings as declared by the plugin: a non-secret value as entered, a secret one only as "stored". Without
     * the plugin installed nothing is shown, since which values are secret is then unknown.
     */
    public List<Map<String, String>> settings() {
        List<Map<String, String>> settings = new ArrayList<>();
        for (CredentialField field : descriptor.map(ProviderDescriptor::credentialFields).orElse(List.of())) {
            String hint = account.credentials().get(field.name());
            if (hint == null) {
                continue;
            }
            Map<String, String> row = new LinkedHashMap<>();
            row.put("label", field.label());
            row.put("value", field.secret() ? messages().all().get("getting_paid_secret_stored") : hint);
            settings.add(row);
        }
        return settings;
    }

    public boolean signsWebhooks() {
        return descriptor.flatMap(ProviderDescriptor::webhookSecret).isPresent();
    }

    public String secretLabel() {
        return descriptor.flatMap(ProviderDescriptor::webhookSecret).map(CredentialField::label).orElse("");
    }

    /** The accepted webhook secrets by date (never by their value or hint), newest first as the service lists them. */
    public List<Map<String, Object>> secrets() {
        List<Map<String, Object>> secrets = new ArrayList<>();
        boolean retirable = account.webhookSecrets().size() > 1;
        for (ProviderAccount.WebhookSecretView secret : account.webhookSecrets()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("secretId", secret.id().toString());
            row.put("created", dateTime(secret.createdAt()));
            row.put("retireAt", secret.retireAt() == null ? null : dateTime(secret.retireAt()));
            row.put("retirable", retirable);
            secrets.add(row);
        }
        return secrets;
    }

    public boolean noSecrets() {
        return account.webhookSecrets().isEmpty();
    }

    private String dateTime(Instant instant) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale())
                .format(instant.atZone(ZoneOffset.UTC)) + " UTC";
    }
}
