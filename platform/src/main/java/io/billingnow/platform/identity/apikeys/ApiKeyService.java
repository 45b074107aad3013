package io.billingnow.platform.identity.apikeys;

import io.billingnow.platform.core.errors.DomainException;
import io.billingnow.platform.audit.AuditEvent;
import io.billingnow.platform.audit.AuditLog;
import io.billingnow.platform.identity.auth.Authenticator;
import io.billingnow.platform.identity.auth.Caller;
import io.billingnow.platform.identity.auth.Role;
import io.billingnow.platform.identity.auth.SecretTokens;
import io.billingnow.platform.identity.auth.TenantCaller;
import io.billingnow.platform.core.tx.TenantHandle;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Issues and revokes a tenant's API keys. The secret exists in plain text only in the creation response. */
public final class ApiKeyService {

    private final AuditLog audit;
    private final Clock clock;

    public ApiKeyService(AuditLog audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    /** A freshly issued key: the only moment its secret is known outside the caller's hands. */
    public record IssuedKey(ApiKey key, String secret) {
    }

    /** The tenant's keys, revoked ones included: ids, roles and metadata, never a secret. */
    public List<ApiKey> list(TenantHandle tx) {
        return tx.dao(ApiKeyDao.class).list(tx.tenant());
    }

    /**
     * A key created by a caller of the tenant (the API, the web app): only an owner may create an owner key, since a
     * key acts with its role and would otherwise let an admin make themselves an owner.
     */
    public IssuedKey create(TenantHandle tx, TenantCaller caller, String name, Role role, Instant expiresAt) {
        if (role == Role.OWNER && caller.role() != Role.OWNER) {
            throw DomainException.forbidden("Only an owner can create an owner key");
        }
        return issue(tx, name, role, expiresAt, caller);
    }

    public IssuedKey issue(TenantHandle tx, String name, Role role, Instant expiresAt, Caller actor) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw DomainException.invalid("/name", "required, at most 200 characters");
        }
        Instant now = clock.instant();
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw DomainException.invalid("/expiresAt", "must be in the future");
        }
        String secret = SecretTokens.generate(Authenticator.API_KEY_PREFIX);
        UUID id = UUID.randomUUID();
        ApiKeyDao dao = tx.dao(ApiKeyDao.class);
        dao.insert(tx.tenant(), id, name, SecretTokens.displayPrefix(secret), SecretTokens.hash(secret),
                role.wireName(), now, expiresAt);
        ApiKey key = dao.find(tx.tenant(), id).orElseThrow();
        audit.append(tx, new AuditEvent(actor.actorType(), actor.actorId(), "api_key", id.toString(),
                "api_key.created", null, key));
        return new IssuedKey(key, secret);
    }

    public ApiKey revoke(TenantHandle tx, UUID id, Caller actor) {
        ApiKeyDao dao = tx.dao(ApiKeyDao.class);
        ApiKey before = dao.find(tx.tenant(), id).orElseThrow(() -> DomainException.notFound("API key"));
        dao.revoke(tx.tenant(), id, clock.instant());
        ApiKey after = dao.find(tx.tenant(), id).orElseThrow();
        if (before.revokedAt() == null) {
            audit.append(tx, new AuditEvent(actor.actorType(), actor.actorId(), "api_key", id.toString(),
                    "api_key.revoked", before, after));
        }
        return after;
    }
}
