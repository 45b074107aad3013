package io.billingnow.platform.keys;

import java.util.regex.Pattern;

/**
 * A column that holds field ciphertexts, registered so that re-encryption can move it to a tenant's newest key. The
 * table must be a tenant table keyed by {@code (tenant_id, id uuid)}, and the column a nullable or non-null bytea.
 */
public record EncryptedColumn(String table, String column) {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    public EncryptedColumn {
        // Both names are spliced into SQL, so only plain identifiers are accepted, and only from code, never input.
        if (table == null || !IDENTIFIER.matcher(table).matches()) {
            throw new IllegalArgumentException("not a plain table name: " + table);
        }
        if (column == null || !IDENTIFIER.matcher(column).matches()) {
            throw new IllegalArgumentException("not a plain column name: " + column);
        }
    }
}
