package io.billingnow.platform.dev;

import io.billingnow.platform.core.TenantId;
import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The credentials `billingnow dev` issues, found by their name: each start replaces the previous ones. */
interface DevCredentialDao {

    @SqlUpdate("UPDATE operator_tokens SET revoked_at = :now WHERE name = :name AND revoked_at IS NULL")
    void revokeOperatorTokens(@Bind("name") String name, @Bind("now") Instant now);

    @SqlUpdate("""
            INSERT INTO operator_tokens (id, name, token_hash, role, created_at, expires_at)
            VALUES (:id, :name, :hash, 'operator', :now, :expires)""")
    void insertOperatorToken(@Bind("id") UUID id, @Bind("name") String name, @Bind("hash") byte[] tokenHash,
                             @Bind("now") Instant now, @Bind("expires") Instant expires);

    @SqlUpdate("""
            UPDATE api_keys SET revoked_at = :now
            WHERE tenant_id = :tenant AND name = :name AND revoked_at IS NULL""")
    void revokeApiKeys(@Bind("tenant") TenantId tenant, @Bind("name") String name, @Bind("now") Instant now);
}
