package io.billingnow.platform.dev;

import io.billingnow.platform.identity.apikeys.ApiKeyService;
import io.billingnow.platform.audit.AuditLog;
import io.billingnow.platform.identity.auth.Authenticator;
import io.billingnow.platform.identity.auth.OperatorCaller;
import io.billingnow.platform.identity.auth.Role;
import io.billingnow.platform.identity.auth.SecretTokens;
import io.billingnow.platform.core.tx.TenantTransactions;
import io.billingnow.platform.core.tx.PlatformTransactions;
import io.billingnow.platform.tenancy.Tenant;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Issues the bootstrap credentials a developer needs after `billingnow dev`: an operator token and an owner API key
 * of a sample tenant. Each start revokes the previous dev credentials, so only the ones just printed work.
 */
public final class DevCredentials {

    private static final String NAME = "billingnow dev";

    private final Jdbi jdbi;
    private final AuditLog audit;
    private final Clock clock;

    public DevCredentials(Jdbi jdbi, AuditLog audit, Clock clock) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.clock = clock;
    }

    public String operatorToken() {
        String token = SecretTokens.generate(Authenticator.OPERATOR_TOKEN_PREFIX);
        Instant now = clock.instant();
        new PlatformTransactions(jdbi).withDao(DevCredentialDao.class, dao -> {
            dao.revokeOperatorTokens(NAME, now);
            dao.insertOperatorToken(UUID.randomUUID(), NAME, SecretTokens.hash(token), now,
                    now.plusSeconds(7 * 24 * 3600));
            return null;
        });
        return token;
    }

    public String ownerApiKey(Tenant tenant) {
        OperatorCaller actor = new OperatorCaller("billingnow-dev", false);
        ApiKeyService keys = new ApiKeyService(audit, clock);
        return new TenantTransactions(jdbi).write(tenant.id(), tx -> {
            tx.dao(DevCredentialDao.class).revokeApiKeys(tx.tenant(), NAME, clock.instant());
            return keys.issue(tx, NAME, Role.OWNER, clock.instant().plusSeconds(7 * 24 * 3600), actor).secret();
        });
    }
}
