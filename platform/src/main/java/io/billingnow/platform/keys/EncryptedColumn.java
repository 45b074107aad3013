package io.billingnow.platform.keys;

import io.billingnow.platform.core.TenantId;
import java.util.regex.Pattern;

/**
 * A column that holds field ciphertexts. The table is a tenant table keyed by {@code (tenant_id, rowKey)}; the row
 * key's value (as PostgreSQL prints it as text) is the row id in the associated data, so re-encryption can rebuild
 * the {@link FieldContext} a feature encrypted with from the row alone.
 */
public record EncryptedColumn(String table, String column, String rowKey) {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    public EncryptedColumn {
        // The names are spliced into SQL, so only plain identifiers are accepted, and only from code, never input.
        requireIdentifier("table", table);
        requireIdentifier("column", column);
        requireIdentifier("row key", rowKey);
    }

    /** A column of a table whose rows are named by a uuid {@code id}, as most are. */
    public EncryptedColumn(String table, String column) {
        this(table, column, "id");
    }

    /** The place of this column in one row of one tenant: what a value there is encrypted for. */
    public FieldContext field(TenantId tenant, String rowId) {
        return new FieldContext(tenant, table, column, rowId);
    }

    private static void requireIdentifier(String what, String name) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain " + what + " name: " + name);
        }
    }
}
