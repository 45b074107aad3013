package io.billingnow.platform.web.shell;

import io.billingnow.platform.identity.auth.Permission;
import io.billingnow.platform.identity.auth.Role;
import io.billingnow.platform.identity.auth.TenantCaller;
import io.billingnow.platform.core.tx.TenantHandle;
import io.billingnow.platform.tenancy.Tenant;
import io.billingnow.platform.tenancy.Tenants;
import io.billingnow.platform.tenancy.settings.LogoInfo;
import io.billingnow.platform.tenancy.settings.Logos;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What every page of a business shows around its content: the business, the navigation a role may use, the section
 * the person is in, and what the role may do ({@link #can()}), so templates hide the buttons of actions the server
 * would refuse anyway.
 */
public record TenantShell(String slug, String businessName, Role role, Section section, String logoVersion) {

    public TenantShell(String slug, String businessName, Role role, Section section) {
        this(slug, businessName, role, section, null);
    }

    public static TenantShell of(Tenant tenant, TenantCaller caller, Section section) {
        return new TenantShell(tenant.slug(), tenant.name(), caller.role(), section);
    }

    /** The shell of the transaction's business, with its logo in the header when it has one. */
    public static TenantShell of(TenantHandle tx, TenantCaller caller, Section section) {
        Tenant tenant = Tenants.current(tx);
        LogoInfo logo = Logos.info(tx);
        return new TenantShell(tenant.slug(), tenant.name(), caller.role(), section,
                logo == null ? null : logo.sha256().substring(0, 16));
    }

    /** The logo's address (changing with the logo, so a new one shows at once), or null without a logo. */
    public String logoUrl() {
        return logoVersion == null ? null : base() + "settings/logo?v=" + logoVersion;
    }

    /** The business's base address, {@code /t/{slug}/}; every page and form of the business lives below it. */
    public String base() {
        return "/t/" + slug + "/";
    }

    /** The navigation for this role: label, address and whether it is the current section. */
    public List<Map<String, Object>> nav(Map<String, String> messages) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (Section each : Section.values()) {
            if (role.allows(each.permission())) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("href", base() + each.path());
                item.put("label", messages.getOrDefault(each.messageKey(), each.name()));
                item.put("current", each == section);
                items.add(item);
            }
        }
        return items;
    }

    /**
     * The role's permissions for templates, by lower-case name: {@code {{#can.invoices_write}}...{{/can.invoices_write}}}.
     */
    public Map<String, Boolean> can() {
        Map<Permission, Boolean> byPermission = new EnumMap<>(Permission.class);
        for (Permission permission : Permission.values()) {
            byPermission.put(permission, role.allows(permission));
        }
        Map<String, Boolean> byName = new LinkedHashMap<>();
        byPermission.forEach((permission, allowed) -> byName.put(permission.name().toLowerCase(Locale.ROOT), allowed));
        return Collections.unmodifiableMap(byName);
    }
}
