package io.billingnow.platform.idempotency;

import io.billingnow.platform.core.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.json.Json;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The {@code idempotency_keys} table. A row's {@code created_at} doubles as the claim's token: completing or
 * releasing a key only touches the row the same request created, never one a later retry took over.
 */
@RegisterConstructorMapper(StoredRequest.class)
public interface IdempotencyKeyDao {

    /** Returns 1 when the key is now claimed by this request (new, expired, or abandoned mid-flight), else 0. */
    @SqlUpdate("""
            INSERT INTO idempotency_keys (tenant_id, idempotency_key, credential_id, request_method, request_path,
                                          request_hash, created_at)
            VALUES (:tenant, :key, :credential, :method, :path, :hash, :now)
            ON CONFLICT (tenant_id, idempotency_key) DO UPDATE
               SET credential_id = EXCLUDED.credential_id, request_method = EXCLUDED.request_method,
                   request_path = EXCLUDED.request_path, request_hash = EXCLUDED.request_hash,
                   response_status = NULL, response_headers = NULL, response_body = NULL,
                   created_at = EXCLUDED.created_at, completed_at = NULL
             WHERE idempotency_keys.created_at < :expiredBefore
                OR (idempotency_keys.completed_at IS NULL AND idempotency_keys.created_at < :abandonedBefore)""")
    int claim(@Bind("tenant") TenantId tenant, @Bind("key") String key, @Bind("credential") String credential,
              @Bind("method") String method, @Bind("path") String path, @Bind("hash") byte[] hash,
              @Bind("now") Instant now, @Bind("expiredBefore") Instant expiredBefore,
              @Bind("abandonedBefore") Instant abandonedBefore);

    @SqlQuery("""
            SELECT request_method, request_path, request_hash, response_status, response_headers,
                   response_body, created_at, completed_at
            FROM idempotency_keys WHERE tenant_id = :tenant AND idempotency_key = :key""")
    Optional<StoredRequest> find(@Bind("tenant") TenantId tenant, @Bind("key") String key);

    @SqlUpdate("""
            UPDATE idempotency_keys
               SET response_status = :status, response_headers = :headers, response_body = :body,
                   completed_at = :now
             WHERE tenant_id = :tenant AND idempotency_key = :key AND created_at = :claimedAt AND completed_at IS NULL""")
    int complete(@Bind("tenant") TenantId tenant, @Bind("key") String key, @Bind("claimedAt") Instant claimedAt,
                 @Bind("status") int status, @Bind("headers") @Json Map<String, List<String>> headers, @Bind("body") byte[] body,
                 @Bind("now") Instant now);

    @SqlUpdate("""
            DELETE FROM idempotency_keys
             WHERE tenant_id = :tenant AND idempotency_key = :key AND created_at = :claimedAt AND completed_at IS NULL""")
    int release(@Bind("tenant") TenantId tenant, @Bind("key") String key, @Bind("claimedAt") Instant claimedAt);

    /**
     * The tenants that have keys created before {@code expiredBefore}, named by one resolver function across tenants
     * (the clean-up's only statement outside a tenant transaction; row-level security hides the keys themselves).
     */
    @SqlQuery("SELECT * FROM billingnow_tenants_with_idempotency_keys_before(:before)")
    List<UUID> tenantsWithKeysBefore(@Bind("before") Instant expiredBefore);

    @SqlUpdate("DELETE FROM idempotency_keys WHERE tenant_id = :tenant AND created_at < :expiredBefore")
    int deleteExpired(@Bind("tenant") TenantId tenant, @Bind("expiredBefore") Instant expiredBefore);
}
