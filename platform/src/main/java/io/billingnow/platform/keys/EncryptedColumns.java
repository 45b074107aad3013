package io.billingnow.platform.keys;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The one declaration of every column that holds field ciphertexts. Features encrypt through these constants (their
 * {@link EncryptedColumn#field} is the associated data) and the {@link ReencryptionJob} walks the same list, so a
 * column cannot be encrypted without also following key rotation: a forgotten one would become unreadable once its
 * old key version is retired. {@code EncryptedColumnsSchemaTest} checks this list against every bytea column of the
 * migrated schema.
 */
public final class EncryptedColumns {

    /** A customer's full tax id (the API shows only a masked hint). */
    public static final EncryptedColumn CUSTOMER_TAX_ID = new EncryptedColumn("customers", "tax_id_encrypted");
    /** The buyer's full tax id as of an invoice's finalization, for documents that must print it. */
    public static final EncryptedColumn INVOICE_BUYER_TAX_ID =
            new EncryptedColumn("invoices", "customer_tax_id_encrypted");
    /** A payment provider account's credentials (JSON of the provider's credential fields). */
    public static final EncryptedColumn PROVIDER_CREDENTIALS = new EncryptedColumn("provider_accounts", "credentials");
    /** A provider account's webhook signing secret. */
    public static final EncryptedColumn PROVIDER_WEBHOOK_SECRET =
            new EncryptedColumn("provider_webhook_secrets", "secret");
    /**
     * A response kept for replay under an idempotency key: it may hold a secret shown only once (a new API key).
     * Rows are named by the client's key, not a uuid, and live a day; they follow rotation all the same so that a
     * replay within that day still works after the old key version is retired.
     */
    public static final EncryptedColumn IDEMPOTENT_RESPONSE =
            new EncryptedColumn("idempotency_keys", "response_body", "idempotency_key");

    /** Every encrypted column of the application's schema. */
    public static final List<EncryptedColumn> APPLICATION = List.of(CUSTOMER_TAX_ID, INVOICE_BUYER_TAX_ID,
            PROVIDER_CREDENTIALS, PROVIDER_WEBHOOK_SECRET, IDEMPOTENT_RESPONSE);

    private final List<EncryptedColumn> columns = new CopyOnWriteArrayList<>(APPLICATION);

    /** Adds a column that only a test's schema has; the application's are declared above, not registered. */
    EncryptedColumns register(EncryptedColumn column) {
        if (!columns.contains(column)) {
            columns.add(column);
        }
        return this;
    }

    public List<EncryptedColumn> all() {
        return List.copyOf(columns);
    }
}
