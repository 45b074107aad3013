package io.billingnow.platform.identity.auth;

/**
 * What a caller may do inside a tenant. Every tenant endpoint declares exactly one of these (except {@link #TAX_IDS_READ}, which shapes responses) with
 * {@link RequiresPermission}; roles are sets of them ({@link Role}). The matrix is documented in docs/permissions.md.
 */
public enum Permission {
    CUSTOMERS_READ,
    CUSTOMERS_WRITE,
    /** Not an endpoint's permission: whether customer and invoice responses show tax ids in full or masked. */
    TAX_IDS_READ,
    INVOICES_READ,
    INVOICES_WRITE,
    PAYMENTS_WRITE,
    CREDIT_NOTES_WRITE,
    API_KEYS_MANAGE,
    PROVIDER_ACCOUNTS_MANAGE,
    PAYMENT_LINKS_WRITE,
    AUDIT_READ,
    MEMBERS_MANAGE,
    TENANT_SETTINGS_MANAGE
}
