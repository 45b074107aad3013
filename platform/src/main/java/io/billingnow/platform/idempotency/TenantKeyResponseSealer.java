package io.billingnow.platform.idempotency;

import io.billingnow.platform.keys.FieldContext;
import io.billingnow.platform.keys.FieldEncryptor;
import io.billingnow.platform.core.TenantId;

/**
 * Encrypts stored responses with the tenant's data key (AES-256-GCM, associated data naming the tenant, the table and
 * the idempotency key), so a response replayed for one key can never be read from another tenant's or key's row.
 * The rows live 24 hours; they are not in the re-encryption set, and after a key destruction they simply no longer
 * replay.
 */
public final class TenantKeyResponseSealer implements ResponseSealer {

    private final FieldEncryptor encryptor;

    public TenantKeyResponseSealer(FieldEncryptor encryptor) {
        this.encryptor = encryptor;
    }

    @Override
    public byte[] seal(TenantId tenant, String idempotencyKey, byte[] body) {
        return encryptor.encrypt(field(tenant, idempotencyKey), body);
    }

    @Override
    public byte[] open(TenantId tenant, String idempotencyKey, byte[] sealed) {
        return encryptor.decrypt(field(tenant, idempotencyKey), sealed);
    }

    private static FieldContext field(TenantId tenant, String idempotencyKey) {
        return new FieldContext(tenant, "idempotency_keys", "response_body", idempotencyKey);
    }
}
