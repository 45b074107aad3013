package io.billingnow.platform.identity.auth;

import io.billingnow.platform.core.tx.PlatformTransactions;
import io.billingnow.platform.core.TenantId;
import io.billingnow.platform.core.TenantStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

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
        return platform.lookup(CredentialDao.class, dao -> dao.apiKey(hash))
                .filter(key -> usable(key, now))
                .map(key -> new TenantCaller(new TenantId(key.tenantId()), TenantStatus.fromWireName(key.status()),
                        Role.fromWireName(key.role()), "api_key", key.keyId().toString()));
    }

    private static boolean usable(CredentialDao.ApiKeyMatch key, Instant now) {
        return key.revokedAt() == null && (key.expiresAt() == null || key.expiresAt().isAfter(now))
                && TenantStatus.fromWireName(key.status()) != TenantStatus.OFFBOARDED;
    }

    public Optional<OperatorCaller> operatorCaller(String token) {
        if (token == null || !token.startsWith(OPERATOR_TOKEN_PREFIX) || token.length() > 128) {
            return Optional.empty();
        }
        byte[] hash = SecretTokens.hash(token);
        Instant now = clock.instant();
        return platform.lookup(CredentialDao.class, dao -> dao.operatorToken(hash, now))
                .map(found -> new OperatorCaller(found.id().toString(), "auditor".equals(found.role())));
    }
}
