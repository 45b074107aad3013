package io.billingnow.platform.providers.accounts;

import io.billingnow.platform.core.TenantId;
import java.util.Objects;

/**
 * Where a sealed value lives: tenant, table, column and row. It is authenticated with the ciphertext, so a sealed
 * value copied to another row, column or tenant does not open.
 */
public record SealedField(TenantId tenant, String table, String column, String rowId) {

    public SealedField {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(rowId, "rowId");
    }

    @Override
    public String toString() {
        return table + "." + column + " of row " + rowId + " (tenant " + tenant + ")";
    }
}
