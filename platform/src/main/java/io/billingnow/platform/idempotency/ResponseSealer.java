package io.billingnow.platform.idempotency;

import io.billingnow.platform.core.TenantId;

/**
 * Protects stored responses at rest. A stored response may hold a secret shown only once (a new API key), so it is
 * kept encrypted under the tenant's key like every other secret ({@link TenantKeyResponseSealer}).
 */
public interface ResponseSealer {

    byte[] seal(TenantId tenant, String idempotencyKey, byte[] body);

    byte[] open(TenantId tenant, String idempotencyKey, byte[] sealed);
}
