package io.billingnow.platform.identity.operators;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Operator credentials: platform data, belonging to no tenant. */
@RegisterConstructorMapper(OperatorToken.class)
public interface OperatorTokenDao {

    @SqlUpdate("""
            INSERT INTO operator_tokens (id, name, token_hash, role, created_at, expires_at)
            VALUES (:id, :name, :hash, :role, :now, :expiresAt)""")
    void insert(@Bind("id") UUID id, @Bind("name") String name, @Bind("hash") byte[] hash, @Bind("role") String role,
                @Bind("now") Instant now, @Bind("expiresAt") Instant expiresAt);

    @SqlQuery("SELECT id, name, role, created_at, expires_at, revoked_at FROM operator_tokens ORDER BY created_at, id")
    List<OperatorToken> list();

    @SqlQuery("SELECT id, name, role, created_at, expires_at, revoked_at FROM operator_tokens WHERE id = :id")
    Optional<OperatorToken> find(@Bind("id") UUID id);

    @SqlUpdate("UPDATE operator_tokens SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
    int revoke(@Bind("id") UUID id, @Bind("now") Instant now);
}
