package io.billingnow.platform.keys;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Where re-encryption of one tenant stands: the primary version, the old versions still holding data, and per
 * registered column how far the job has come. {@code complete} once no old version is left.
 */
public record ReencryptionStatus(String tenantId, Integer primaryVersion, List<Integer> pendingVersions,
                                 List<Column> columns, boolean complete) {

    public record Column(String table, String column, int targetVersion, long rowsReencrypted, UUID lastRowId,
                         Instant startedAt, Instant updatedAt, Instant completedAt) {
    }
}
