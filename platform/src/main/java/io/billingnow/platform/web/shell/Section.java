package io.billingnow.platform.web.shell;

import io.billingnow.platform.identity.auth.Permission;

/**
 * The parts of a business's web app, in navigation order: where each lives under {@code /t/{slug}/} and the permission
 * a role needs to see it. The navigation shows a part only to a role that may open it; the part's resource declares
 * the same permission with {@code @RequiresPermission}, so hiding a link is never the protection.
 */
public enum Section {
    DASHBOARD("", "nav_dashboard", Permission.INVOICES_READ),
    CUSTOMERS("customers", "nav_customers", Permission.CUSTOMERS_READ),
    INVOICES("invoices", "nav_invoices", Permission.INVOICES_READ),
    GETTING_PAID("getting-paid", "nav_getting_paid", Permission.PROVIDER_ACCOUNTS_MANAGE),
    TEAM("team", "nav_team", Permission.MEMBERS_MANAGE),
    API_KEYS("api-keys", "nav_api_keys", Permission.API_KEYS_MANAGE),
    SETTINGS("settings", "nav_settings", Permission.TENANT_SETTINGS_MANAGE),
    AUDIT("audit", "nav_audit", Permission.AUDIT_READ);

    private final String path;
    private final String messageKey;
    private final Permission permission;

    Section(String path, String messageKey, Permission permission) {
        this.path = path;
        this.messageKey = messageKey;
        this.permission = permission;
    }

    /** The part's address relative to the business's base ({@code /t/{slug}/}): empty for the dashboard. */
    public String path() {
        return path;
    }

    public String messageKey() {
        return messageKey;
    }

    public Permission permission() {
        return permission;
    }
}
