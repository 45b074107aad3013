package io.billingnow.platform.providers.accounts;

import io.billingnow.platform.keys.EncryptedColumns;
import io.billingnow.platform.keys.FieldContext;
import io.billingnow.platform.keys.FieldEncryptor;

/**
 * Seals credentials with the platform's per-tenant envelope encryption ({@code io.billingnow.platform.keys}): AES-256-GCM
 * under the tenant's current data key, with tenant, table, column and row as associated data. The two sealed columns
 * are registered for re-encryption, so key rotation and crypto-shredding cover provider credentials too.
 */
public final class TenantKeyCredentialSealer implements CredentialSealer {

    private final FieldEncryptor encryptor;

    public TenantKeyCredentialSealer(FieldEncryptor encryptor, EncryptedColumns columns) {
        this.encryptor = encryptor;
        columns.register("provider_accounts", "credentials");
        columns.register("provider_webhook_secrets", "secret");
    }

    @Override
    public byte[] seal(SealedField field, byte[] plaintext) {
        return encryptor.encrypt(context(field), plaintext);
    }

    @Override
    public byte[] open(SealedField field, byte[] sealed) {
        return encryptor.decrypt(context(field), sealed);
    }

    private static FieldContext context(SealedField field) {
        return new FieldContext(field.tenant(), field.table(), field.column(), field.rowId());
    }
}
