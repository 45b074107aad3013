package io.billingnow.platform.keys;

import java.time.Instant;
import java.util.List;

/**
 * Where re-encryption of one tenant stands: the primary version, the old versions still holding data, and per
 * registered column how far the job has come ({@code lastRowId}: the row key, a uuid or an idempotency key, as
 * text). {@code complete} once no old version is left.
 */
public record ReencryptionStatus(String tenantId, Integer primaryVersion, List<Integer> pendingVersions,
                                 List<Column> columns, boolean complete) {

    public record Column(String table, String column, int targetVersion, long rowsReencrypted, String lastRowId,
                         Instant startedAt, Instant updatedAt, Instant completedAt) {
    }
}
