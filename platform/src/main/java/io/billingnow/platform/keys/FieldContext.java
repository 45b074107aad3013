package io.billingnow.platform.keys;

import io.billingnow.platform.core.TenantId;
import java.util.Objects;

/**
 * Where an encrypted value lives: tenant, table, column and row. It is the associated data of the encryption, so a
 * ciphertext copied to another row, column or tenant no longer decrypts.
 */
public record FieldContext(TenantId tenant, String table, String column, String rowId) {

    public FieldContext {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(rowId, "rowId");
    }

    /** Names the place, never its content: safe for messages and logs. */
    @Override
    public String toString() {
        return table + "." + column + " of row " + rowId + " (tenant " + tenant + ")";
    }
}
