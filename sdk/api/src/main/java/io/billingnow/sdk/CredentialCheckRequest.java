package io.billingnow.sdk;

import java.util.Objects;

/**
 * A request to check whether credentials work.
 *
 * @param tenant      the tenant whose credentials they are
 * @param credentials the credentials to check
 */
public record CredentialCheckRequest(TenantContext tenant, Credentials credentials) {

    /** Validates that both are present. */
    public CredentialCheckRequest {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(credentials, "credentials");
    }
}
