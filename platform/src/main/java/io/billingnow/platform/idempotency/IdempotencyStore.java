package io.billingnow.platform.idempotency;

import io.billingnow.platform.core.tx.TenantHandle;
import io.billingnow.platform.keys.EncryptedColumns;
import io.billingnow.platform.keys.FieldContext;
import io.billingnow.platform.keys.FieldSealer;
import io.billingnow.platform.core.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Claims, completes and releases idempotency keys, in the tenant transaction its caller opened. Its keys are tenant
 * data, so it takes the {@link TenantHandle} like any service; {@link IdempotencyFilter} gives every step a committed
 * transaction of its own: the claim row is the lock that a concurrent duplicate runs into, so it must be visible
 * before the request's own work starts.
 */
public final class IdempotencyStore {

    /** A stored response may hold a secret shown only once (a new API key), so it is kept encrypted. */
    private final FieldSealer sealer;

    private final Clock clock;
    private final Duration retention;
    private final Duration abandonedAfter;

    public IdempotencyStore(IdempotencySettings settings, FieldSealer sealer,
                            Clock clock) {
        this.sealer = sealer;
        this.clock = clock;
        this.retention = settings.getRetention().toJavaDuration();
        this.abandonedAfter = settings.getAbandonedAfter().toJavaDuration();
    }

    /** A key this request owns until it completes or releases it. */
    public record Claim(TenantId tenant, String key, Instant claimedAt) {
    }

    /** What became of an attempt to claim a key: either this request owns it, or an earlier one does. */
    public record Attempt(Optional<Claim> claim, Optional<StoredRequest> earlier) {
    }

    public Attempt claim(TenantHandle tx, String key, String credential, String method, String path,
                         byte[] requestHash) {
        TenantId tenant = tx.tenant();
        IdempotencyKeyDao dao = tx.dao(IdempotencyKeyDao.class);
        // A lost race with a release (the earlier request failed between our insert and our read) just retries; at
        // READ COMMITTED each statement sees what other transactions committed before it.
        for (int i = 0; i < 3; i++) {
            Instant now = now();
            int claimed = dao.claim(tenant, key, credential, method, path, requestHash, now, now.minus(retention),
                    now.minus(abandonedAfter));
            if (claimed == 1) {
                return new Attempt(Optional.of(new Claim(tenant, key, now)), Optional.empty());
            }
            Optional<StoredRequest> earlier = dao.find(tenant, key);
            if (earlier.isPresent()) {
                return new Attempt(Optional.empty(), earlier.map(e -> opened(tenant, key, e)));
            }
        }
        throw new IllegalStateException("idempotency key kept changing hands");
    }

    public void complete(TenantHandle tx, Claim claim, int status, Map<String, List<String>> headers, byte[] body) {
        requireTenantOf(tx, claim);
        byte[] sealed = sealer.encrypt(responseField(claim.tenant(), claim.key()), body);
        tx.dao(IdempotencyKeyDao.class).complete(claim.tenant(), claim.key(), claim.claimedAt(), status, headers,
                sealed, now());
    }

    public void release(TenantHandle tx, Claim claim) {
        requireTenantOf(tx, claim);
        tx.dao(IdempotencyKeyDao.class).release(claim.tenant(), claim.key(), claim.claimedAt());
    }

    /** Forgets the transaction's tenant's keys older than the retention period; returns how many. */
    public int deleteExpired(TenantHandle tx) {
        return tx.dao(IdempotencyKeyDao.class).deleteExpired(tx.tenant(), expiredBefore());
    }

    private static void requireTenantOf(TenantHandle tx, Claim claim) {
        if (!tx.tenant().equals(claim.tenant())) {
            throw new IllegalArgumentException("a claim is completed or released in its own tenant's transaction");
        }
    }

    private StoredRequest opened(TenantId tenant, String key, StoredRequest stored) {
        if (stored.responseBody() == null) {
            return stored;
        }
        return new StoredRequest(stored.requestMethod(), stored.requestPath(), stored.requestHash(),
                stored.responseStatus(), stored.responseHeaders(),
                sealer.decrypt(responseField(tenant, key), stored.responseBody()), stored.createdAt(),
                stored.completedAt());
    }

    private static FieldContext responseField(TenantId tenant, String idempotencyKey) {
        return EncryptedColumns.IDEMPOTENT_RESPONSE.field(tenant, idempotencyKey);
    }

    /** PostgreSQL keeps microseconds: the claim token must compare equal after a round trip. */
    /** Keys created before this instant have outlived the retention period. */
    public Instant expiredBefore() {
        return now().minus(retention);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
