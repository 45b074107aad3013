package io.billingnow.sdk;

import java.util.Objects;

/**
 * The tenant (business) on whose behalf the host calls a plugin. Every call into a plugin carries one, so a plugin
 * can never act for "no tenant" by accident; plugins use it for idempotency keys, metadata and logging.
 *
 * @param tenantId the tenant's stable, opaque identifier
 * @param slug     the tenant's short, URL-safe name (may change; never use it as a key)
 */
public record TenantContext(String tenantId, String slug) {

    /**
     * Validates that both parts are present.
     *
     * @throws IllegalArgumentException if either part is blank
     */
    public TenantContext {
        requireText(tenantId, "tenantId");
        requireText(slug, "slug");
    }

    static String requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }
}
