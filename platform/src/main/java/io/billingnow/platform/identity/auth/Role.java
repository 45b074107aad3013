package io.billingnow.platform.identity.auth;

import static io.billingnow.platform.identity.auth.Permission.*;

import io.billingnow.platform.core.errors.DomainException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** A role within one tenant. A person or an API key has exactly one role per tenant. */
public enum Role {
    OWNER(EnumSet.allOf(Permission.class)),
    ADMIN(EnumSet.complementOf(EnumSet.of(TENANT_SETTINGS_MANAGE))),
    ACCOUNTANT(EnumSet.of(CUSTOMERS_READ, CUSTOMERS_WRITE, TAX_IDS_READ, INVOICES_READ, INVOICES_WRITE, PAYMENTS_WRITE,
            CREDIT_NOTES_WRITE, PAYMENT_LINKS_WRITE, AUDIT_READ)),
    DEVELOPER(EnumSet.of(CUSTOMERS_READ, INVOICES_READ, API_KEYS_MANAGE, PROVIDER_ACCOUNTS_MANAGE)),
    VIEWER(EnumSet.of(CUSTOMERS_READ, INVOICES_READ));

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = Set.copyOf(permissions);
    }

    public boolean allows(Permission permission) {
        return permissions.contains(permission);
    }

    public Set<Permission> permissions() {
        return permissions;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromWireName(String name) {
        for (Role role : values()) {
            if (role.wireName().equals(name)) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown role: must be one of owner, admin, accountant, developer, viewer");
    }

    /** A role a client sent (JSON or a form): a 400 pointing at {@code /role} when it is not one. */
    public static Role fromInput(String name) {
        try {
            return fromWireName(name);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("/role", e.getMessage());
        }
    }
}
