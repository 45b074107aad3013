package io.billingnow.platform.web.gettingpaid;

import io.billingnow.platform.providers.accounts.ProviderAccount;
import io.billingnow.platform.web.shell.TenantPage;
import io.billingnow.platform.web.shell.TenantShell;
import io.billingnow.platform.web.shell.WebContext;
import io.billingnow.sdk.ProviderDescriptor;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The section's start: the providers the business may connect, and its connected accounts with their webhook URLs. */
public final class GettingPaidPage extends TenantPage {

    private final List<ProviderDescriptor> providers;
    private final List<ProviderAccount> accounts;
    private final Function<String, Optional<ProviderDescriptor>> descriptors;

    GettingPaidPage(WebContext context, TenantShell shell, List<ProviderDescriptor> providers,
                    List<ProviderAccount> accounts, Function<String, Optional<ProviderDescriptor>> descriptors) {
        super("getting-paid.mustache", context, shell, context.messages().all().get("nav_getting_paid"));
        this.providers = providers;
        this.accounts = accounts;
        this.descriptors = descriptors;
    }

    public List<Map<String, String>> providers() {
        return providers.stream().map(p -> Map.of("id", p.id(), "name", p.displayName())).toList();
    }

    public boolean noProviders() {
        return providers.isEmpty();
    }

    public List<Map<String, String>> accounts() {
        return accounts.stream().map(this::row).toList();
    }

    public boolean noAccounts() {
        return accounts.isEmpty();
    }

    private Map<String, String> row(ProviderAccount account) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("id", account.id().toString());
        row.put("name", account.displayName());
        row.put("provider", descriptors.apply(account.providerId()).map(ProviderDescriptor::displayName)
                .orElse(account.providerId()));
        row.put("webhookUrl", account.webhookUrl().toString());
        row.put("created", formats().date(account.createdAt().atZone(ZoneOffset.UTC).toLocalDate()));
        return row;
    }
}
