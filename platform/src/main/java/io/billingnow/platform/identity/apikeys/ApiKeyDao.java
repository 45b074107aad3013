package io.billingnow.platform.identity.apikeys;

import io.billingnow.platform.core.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(ApiKey.class)
public interface ApiKeyDao {

    @SqlUpdate("""
            INSERT INTO api_keys (tenant_id, id, name, prefix, secret_hash, role, created_at, expires_at)
            VALUES (:tenant, :id, :name, :prefix, :hash, :role, :now, :expiresAt)""")
    void insert(@Bind("tenant") TenantId tenant, @Bind("id") UUID id, @Bind("name") String name,
                @Bind("prefix") String prefix, @Bind("hash") byte[] hash, @Bind("role") String role,
                @Bind("now") Instant now, @Bind("expiresAt") Instant expiresAt);

    @SqlQuery("""
            SELECT id, name, prefix, role, created_at, expires_at, revoked_at FROM api_keys
            WHERE tenant_id = :tenant ORDER BY created_at, id""")
    List<ApiKey> list(@Bind("tenant") TenantId tenant);

    @SqlQuery("""
            SELECT id, name, prefix, role, created_at, expires_at, revoked_at FROM api_keys
            WHERE tenant_id = :tenant AND id = :id""")
    Optional<ApiKey> find(@Bind("tenant") TenantId tenant, @Bind("id") UUID id);

    @SqlUpdate("UPDATE api_keys SET revoked_at = :now WHERE tenant_id = :tenant AND id = :id AND revoked_at IS NULL")
    int revoke(@Bind("tenant") TenantId tenant, @Bind("id") UUID id, @Bind("now") Instant now);
}
