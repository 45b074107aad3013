package io.billingnow.platform.identity.auth;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * Finds a bearer credential by the SHA-256 of its secret, before any tenant is known. Each method is one statement,
 * run in autocommit ({@code PlatformTransactions.lookup}): it is on the path of every authenticated request.
 */
@RegisterConstructorMapper(CredentialDao.ApiKeyMatch.class)
@RegisterConstructorMapper(CredentialDao.OperatorMatch.class)
public interface CredentialDao {

    /** An API key as the resolver function finds it, with its tenant's status; not yet checked for validity. */
    record ApiKeyMatch(UUID tenantId, UUID keyId, String role, Instant expiresAt, Instant revokedAt, String status) {
    }

    /** Through {@code billingnow_resolve_api_key}, the only path that may read a key before its tenant is known. */
    @SqlQuery("""
            SELECT k.tenant_id, k.key_id, k.role, k.expires_at, k.revoked_at, t.status
            FROM billingnow_resolve_api_key(:hash) k JOIN tenants t ON t.id = k.tenant_id""")
    Optional<ApiKeyMatch> apiKey(@Bind("hash") byte[] hash);

    record OperatorMatch(UUID id, String role) {
    }

    /** A live operator token: neither revoked nor expired at {@code now}. */
    @SqlQuery("""
            SELECT id, role FROM operator_tokens
            WHERE token_hash = :hash AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > :now)""")
    Optional<OperatorMatch> operatorToken(@Bind("hash") byte[] hash, @Bind("now") Instant now);
}
