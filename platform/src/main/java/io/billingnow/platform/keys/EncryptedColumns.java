package io.billingnow.platform.keys;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Every column that holds field ciphertexts. Features register theirs when the application is wired. */
public final class EncryptedColumns {

    private final List<EncryptedColumn> columns = new CopyOnWriteArrayList<>();

    public EncryptedColumns register(String table, String column) {
        EncryptedColumn added = new EncryptedColumn(table, column);
        if (!columns.contains(added)) {
            columns.add(added);
        }
        return this;
    }

    public List<EncryptedColumn> all() {
        return List.copyOf(columns);
    }
}
