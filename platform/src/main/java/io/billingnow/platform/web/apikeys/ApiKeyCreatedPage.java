package io.billingnow.platform.web.apikeys;

import io.billingnow.platform.identity.apikeys.ApiKeyService;
import io.billingnow.platform.web.i18n.Messages;
import io.billingnow.platform.web.shell.TenantPage;
import io.billingnow.platform.web.shell.TenantShell;
import io.billingnow.platform.web.shell.WebContext;

/** The answer to creating a key: the only page that ever shows its secret. */
public final class ApiKeyCreatedPage extends TenantPage {

    private final ApiKeyService.IssuedKey issued;

    ApiKeyCreatedPage(WebContext context, TenantShell shell, ApiKeyService.IssuedKey issued) {
        super("api-key-created.mustache", context, shell, context.messages().all().get("api_keys_created_title"));
        this.issued = issued;
    }

    public String name() {
        return issued.key().name();
    }

    public String role() {
        return roleLabel(messages(), issued.key().role());
    }

    public String prefix() {
        return issued.key().prefix();
    }

    public String secret() {
        return issued.secret();
    }

    static String roleLabel(Messages messages, String wireName) {
        return messages.all().getOrDefault("role_" + wireName, wireName);
    }
}
