package io.billingnow.platform.web.apikeys;

import io.billingnow.platform.identity.apikeys.ApiKey;
import io.billingnow.platform.identity.auth.Role;
import io.billingnow.platform.web.shell.FormErrors;
import io.billingnow.platform.web.shell.TenantPage;
import io.billingnow.platform.web.shell.TenantShell;
import io.billingnow.platform.web.shell.WebContext;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The API keys page: every key by name, prefix and role (never a secret), and the form creating one. */
public final class ApiKeysPage extends TenantPage {

    private final List<ApiKey> keys;
    private final FormErrors errors;
    private final ApiKeysPageResource.Draft draft;

    ApiKeysPage(WebContext context, TenantShell shell, List<ApiKey> keys, FormErrors errors,
                ApiKeysPageResource.Draft draft) {
        super("api-keys.mustache", context, shell, context.messages().all().get("api_keys_title"));
        this.keys = keys;
        this.errors = errors;
        this.draft = draft;
    }

    public List<Map<String, Object>> keys() {
        return keys.stream().map(key -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", key.id().toString());
            row.put("name", key.name());
            row.put("prefix", key.prefix());
            row.put("role", ApiKeyCreatedPage.roleLabel(messages(), key.role()));
            row.put("created", date(key.createdAt()));
            row.put("expires", date(key.expiresAt()));
            row.put("revoked", key.revokedAt() != null);
            row.put("revokedOn", date(key.revokedAt()));
            return row;
        }).toList();
    }

    public boolean noKeys() {
        return keys.isEmpty();
    }

    public List<Map<String, Object>> roles() {
        return Arrays.stream(Role.values()).map(role -> {
            Map<String, Object> option = new LinkedHashMap<>();
            option.put("value", role.wireName());
            option.put("label", ApiKeyCreatedPage.roleLabel(messages(), role.wireName()));
            option.put("selected", role.wireName().equals(draft.role()));
            return option;
        }).toList();
    }

    public ApiKeysPageResource.Draft draft() {
        return draft;
    }

    public FormErrors errors() {
        return errors;
    }

    private String date(Instant instant) {
        return instant == null ? "" : formats().date(instant.atZone(ZoneOffset.UTC).toLocalDate());
    }
}
