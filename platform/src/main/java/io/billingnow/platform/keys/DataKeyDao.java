package io.billingnow.platform.keys;

import io.billingnow.platform.core.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(StoredDataKey.class)
public interface DataKeyDao {

    String COLUMNS = "version, state, wrapped_key, master_key_id, encryptions, created_at, rotated_at, retired_at, "
            + "destroyed_at";

    @SqlQuery("SELECT " + COLUMNS + " FROM data_keys WHERE tenant_id = :tenant AND version = :version")
    Optional<StoredDataKey> find(@Bind("tenant") TenantId tenant, @Bind("version") int version);

    @SqlQuery("SELECT " + COLUMNS + " FROM data_keys WHERE tenant_id = :tenant ORDER BY version")
    List<StoredDataKey> all(@Bind("tenant") TenantId tenant);

    /** Serialises every change to a tenant's key set (rotation, destruction, retirement, re-wrapping). */
    @SqlQuery("SELECT " + COLUMNS + " FROM data_keys WHERE tenant_id = :tenant ORDER BY version FOR UPDATE")
    List<StoredDataKey> lockAll(@Bind("tenant") TenantId tenant);

    @SqlQuery("SELECT version FROM data_keys WHERE tenant_id = :tenant AND state = 'primary'")
    Optional<Integer> primaryVersion(@Bind("tenant") TenantId tenant);

    @SqlUpdate("""
            INSERT INTO data_keys (tenant_id, version, state, wrapped_key, master_key_id, created_at)
            VALUES (:tenant, :version, 'primary', :wrapped, :masterKeyId, :now)""")
    void insertPrimary(@Bind("tenant") TenantId tenant, @Bind("version") int version, @Bind("wrapped") byte[] wrapped,
                       @Bind("masterKeyId") String masterKeyId, @Bind("now") Instant now);

    @SqlUpdate("""
            UPDATE data_keys SET state = 'decrypt_only', rotated_at = :now
            WHERE tenant_id = :tenant AND version = :version AND state = 'primary'""")
    int demote(@Bind("tenant") TenantId tenant, @Bind("version") int version, @Bind("now") Instant now);

    /**
     * Reserves a block of encryptions for the primary version, unless that would pass the limit. Empty when the
     * version is no longer primary or the limit is reached.
     */
    @SqlQuery("""
            UPDATE data_keys SET encryptions = encryptions + :block
            WHERE tenant_id = :tenant AND version = :version AND state = 'primary' AND encryptions + :block <= :limit
            RETURNING encryptions""")
    Optional<Long> reserve(@Bind("tenant") TenantId tenant, @Bind("version") int version, @Bind("block") long block,
                           @Bind("limit") long limit);

    @SqlUpdate("""
            UPDATE data_keys SET state = 'retired', wrapped_key = NULL, master_key_id = NULL, retired_at = :now
            WHERE tenant_id = :tenant AND version = :version AND state = 'decrypt_only'""")
    int retire(@Bind("tenant") TenantId tenant, @Bind("version") int version, @Bind("now") Instant now);

    @SqlUpdate("""
            UPDATE data_keys SET state = 'destroyed', wrapped_key = NULL, master_key_id = NULL, destroyed_at = :now
            WHERE tenant_id = :tenant AND state IN ('primary', 'decrypt_only')""")
    int destroyAll(@Bind("tenant") TenantId tenant, @Bind("now") Instant now);

    @SqlUpdate("""
            UPDATE data_keys SET wrapped_key = :wrapped, master_key_id = :masterKeyId
            WHERE tenant_id = :tenant AND version = :version AND wrapped_key IS NOT NULL""")
    int rewrap(@Bind("tenant") TenantId tenant, @Bind("version") int version, @Bind("wrapped") byte[] wrapped,
               @Bind("masterKeyId") String masterKeyId);
}
