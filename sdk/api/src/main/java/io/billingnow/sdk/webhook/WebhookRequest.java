package io.billingnow.sdk.webhook;

import io.billingnow.sdk.Credentials;
import io.billingnow.sdk.Headers;
import io.billingnow.sdk.TenantContext;

import java.util.Arrays;
import java.util.Objects;

/**
 * One webhook delivery exactly as it reached the host: the raw body bytes (never re-encoded, since signatures
 * cover the exact bytes) and every header.
 *
 * @param tenant      the tenant the delivery was addressed to (the host routes per-tenant webhook URLs)
 * @param body        the raw body bytes; a defensive copy is kept and returned
 * @param headers     all request headers
 * @param credentials the tenant's credentials, including every currently valid webhook secret
 */
public record WebhookRequest(TenantContext tenant, byte[] body, Headers headers, Credentials credentials) {

    /** Validates presence and copies the body. */
    public WebhookRequest {
        Objects.requireNonNull(tenant, "tenant");
        body = Objects.requireNonNull(body, "body").clone();
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(credentials, "credentials");
    }

    /** Returns a copy of the raw body bytes. */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /** Compares the body by content. */
    @Override
    public boolean equals(Object o) {
        return o instanceof WebhookRequest r && tenant.equals(r.tenant) && Arrays.equals(body, r.body)
                && headers.equals(r.headers) && credentials.equals(r.credentials);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tenant, Arrays.hashCode(body), headers, credentials);
    }

    /** Shows sizes only: bodies may carry personal data and credentials must never be printed. */
    @Override
    public String toString() {
        return "WebhookRequest[tenant=" + tenant.tenantId() + ", body=" + body.length + " bytes, headers="
                + headers.names() + "]";
    }
}
