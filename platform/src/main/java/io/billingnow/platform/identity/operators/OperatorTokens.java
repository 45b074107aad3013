package io.billingnow.platform.identity.operators;

import io.billingnow.platform.core.errors.DomainException;
import io.billingnow.platform.identity.auth.Authenticator;
import io.billingnow.platform.identity.auth.OperatorCaller;
import io.billingnow.platform.identity.auth.SecretTokens;
import io.billingnow.platform.core.tx.PlatformTransactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issues, lists and revokes operator credentials. Only the SHA-256 of a token is stored; the token itself exists only
 * in the output of {@link #issue}. Operator actions belong to no tenant, so they are logged rather than written to a
 * tenant's audit chain.
 */
public final class OperatorTokens {

    public static final Set<String> ROLES = Set.of("operator", "auditor");
    public static final int MAX_EXPIRY_DAYS = 3650;

    private static final Logger LOG = LoggerFactory.getLogger(OperatorTokens.class);

    private final PlatformTransactions platform;
    private final Clock clock;

    public OperatorTokens(PlatformTransactions platform, Clock clock) {
        this.platform = platform;
        this.clock = clock;
    }

    /** A token just issued: the one moment its secret is known. */
    public record Issued(OperatorToken token, String secret) {
    }

    /** @param expiresInDays null for a token that does not expire */
    public Issued issue(String name, String role, Integer expiresInDays) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new IllegalArgumentException("--name is required, at most 200 characters");
        }
        if (!ROLES.contains(role)) {
            throw new IllegalArgumentException("--role must be operator or auditor");
        }
        if (expiresInDays != null && (expiresInDays < 1 || expiresInDays > MAX_EXPIRY_DAYS)) {
            throw new IllegalArgumentException("--expires-days must be between 1 and " + MAX_EXPIRY_DAYS);
        }
        Instant now = clock.instant();
        Instant expiresAt = expiresInDays == null ? null : now.plus(Duration.ofDays(expiresInDays));
        String secret = SecretTokens.generate(Authenticator.OPERATOR_TOKEN_PREFIX);
        UUID id = UUID.randomUUID();
        OperatorToken token = platform.withDao(OperatorTokenDao.class, dao -> {
            dao.insert(id, name, SecretTokens.hash(secret), role, now, expiresAt);
            return dao.find(id).orElseThrow();
        });
        LOG.info("Operator token {} ({}, role {}) issued", id, name, role);
        return new Issued(token, secret);
    }

    public List<OperatorToken> list() {
        return platform.withDao(OperatorTokenDao.class, OperatorTokenDao::list);
    }

    /** Revoking an already revoked token changes nothing and answers its current state. */
    public OperatorToken revoke(UUID id, OperatorCaller actor) {
        OperatorToken after = platform.withDao(OperatorTokenDao.class, dao -> {
            dao.find(id).orElseThrow(() -> DomainException.notFound("Operator token"));
            if (dao.revoke(id, clock.instant()) == 1) {
                LOG.warn("Operator token {} revoked by operator {}", id, actor.actorId());
            }
            return dao.find(id).orElseThrow();
        });
        return after;
    }
}
