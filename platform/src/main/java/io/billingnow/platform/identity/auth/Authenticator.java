package io.billingnow.platform.identity.auth;

import io.billingnow.platform.core.tx.PlatformTransactions;
import io.billingnow.platform.core.TenantId;
import io.billingnow.platform.core.TenantStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns a bearer token into a caller. Tenant API keys are found through the database's narrow resolver function
 * (the only path that may look up a key before the tenant is known); operator tokens live in a platform table.
 */
public final class Authenticator {

    public static final String API_KEY_PREFIX = "bnk_";
    public static final String OPERATOR_TOKEN_PREFIX = "bno_";

    private final PlatformTransactions platform;
    private final Clock clock;

    public Authenticator(PlatformTransactions platform, Clock clock) {
        this.platform = platform;
        this.clock = clock;
    }

    public Optional<TenantCaller> tenantCaller(String token) {
        if (token == null || !token.startsWith(API_KEY_PREFIX) || token.length() > 128) {
            return Optional.empty();
        }
        byte[] hash = SecretTokens.hash(token);
        Instant now = clock.instant();
        return platform.lookup(h -> h.createQuery("""
                        SELECT k.tenant_id, k.key_id, k.role, k.expires_at, k.revoked_at, t.status
                        FROM billingnow_resolve_api_key(:hash) k JOIN tenants t ON t.id = k.tenant_id""")
                .bind("hash", hash)
                .map((rs, ctx) -> {
                    OffsetDateTime expires = rs.getObject("expires_at", OffsetDateTime.class);
                    OffsetDateTime revoked = rs.getObject("revoked_at", OffsetDateTime.class);
                    TenantStatus status = TenantStatus.fromWireName(rs.getString("status"));
                    if (revoked != null || (expires != null && !expires.toInstant().isAfter(now))
                            || status == TenantStatus.OFFBOARDED) {
                        return null;
                    }
                    return new TenantCaller(new TenantId(rs.getObject("tenant_id", UUID.class)), status,
                            Role.fromWireName(rs.getString("role")), "api_key",
                            rs.getObject("key_id", UUID.class).toString());
                })
                .findOne());
    }

    public Optional<OperatorCaller> operatorCaller(String token) {
        if (token == null || !token.startsWith(OPERATOR_TOKEN_PREFIX) || token.length() > 128) {
            return Optional.empty();
        }
        byte[] hash = SecretTokens.hash(token);
        Instant now = clock.instant();
        return platform.lookup(h -> h.createQuery("""
                        SELECT id, role FROM operator_tokens
                        WHERE token_hash = :hash AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > :now)""")
                .bind("hash", hash)
                .bind("now", now)
                .map((rs, ctx) -> new OperatorCaller(rs.getObject("id", UUID.class).toString(),
                        "auditor".equals(rs.getString("role"))))
                .findOne());
    }
}
