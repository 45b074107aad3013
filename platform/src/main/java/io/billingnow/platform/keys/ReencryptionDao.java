package io.billingnow.platform.keys;

import io.billingnow.platform.core.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(ReencryptionStatus.Column.class)
public interface ReencryptionDao {

    @SqlUpdate("""
            INSERT INTO key_reencryption_progress (tenant_id, target_version, table_name, column_name, started_at,
                                                   updated_at)
            VALUES (:tenant, :target, :table, :column, :now, :now)
            ON CONFLICT DO NOTHING""")
    void start(@Bind("tenant") TenantId tenant, @Bind("target") int target, @Bind("table") String table,
               @Bind("column") String column, @Bind("now") Instant now);

    @SqlQuery("""
            SELECT table_name AS "table", column_name AS "column", target_version, rows_reencrypted, last_row_id,
                   started_at, updated_at, completed_at
            FROM key_reencryption_progress
            WHERE tenant_id = :tenant AND target_version = :target AND table_name = :table AND column_name = :column
            FOR UPDATE""")
    Optional<ReencryptionStatus.Column> lock(@Bind("tenant") TenantId tenant, @Bind("target") int target,
                                             @Bind("table") String table, @Bind("column") String column);

    @SqlUpdate("""
            UPDATE key_reencryption_progress
            SET last_row_id = :lastRowId, rows_reencrypted = rows_reencrypted + :rows, updated_at = :now,
                completed_at = CASE WHEN :done THEN CAST(:now AS timestamptz) END
            WHERE tenant_id = :tenant AND target_version = :target AND table_name = :table AND column_name = :column""")
    void advance(@Bind("tenant") TenantId tenant, @Bind("target") int target, @Bind("table") String table,
                 @Bind("column") String column, @Bind("lastRowId") String lastRowId, @Bind("rows") long rows,
                 @Bind("done") boolean done, @Bind("now") Instant now);

    /** Starts the column over (rows written with an old key after the scan passed them). */
    @SqlUpdate("""
            UPDATE key_reencryption_progress SET last_row_id = NULL, completed_at = NULL, updated_at = :now
            WHERE tenant_id = :tenant AND target_version = :target AND table_name = :table AND column_name = :column""")
    void restart(@Bind("tenant") TenantId tenant, @Bind("target") int target, @Bind("table") String table,
                 @Bind("column") String column, @Bind("now") Instant now);

    @SqlQuery("""
            SELECT table_name AS "table", column_name AS "column", target_version, rows_reencrypted, last_row_id,
                   started_at, updated_at, completed_at
            FROM key_reencryption_progress WHERE tenant_id = :tenant AND target_version = :target
            ORDER BY table_name, column_name""")
    List<ReencryptionStatus.Column> forTarget(@Bind("tenant") TenantId tenant, @Bind("target") int target);

    /**
     * Every tenant with a key version waiting to be re-encrypted away from, named by one resolver function across
     * tenants (outside any tenant transaction: row-level security would hide the keys of all others).
     */
    @SqlQuery("SELECT * FROM billingnow_tenants_reencrypting()")
    List<UUID> tenantsReencrypting();
}
