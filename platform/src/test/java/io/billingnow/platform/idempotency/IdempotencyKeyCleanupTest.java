package io.billingnow.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import io.billingnow.platform.core.tx.PlatformTransactions;
import io.billingnow.platform.core.tx.TenantTransactions;
import io.billingnow.platform.keys.FieldContext;
import io.billingnow.platform.keys.FieldSealer;
import io.billingnow.platform.tenancy.Tenant;
import io.billingnow.platform.testing.TestPlatform;
import io.dropwizard.util.Duration;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The store and its cleanup against a real database, with the clock moved by hand instead of waiting a day. */
class IdempotencyKeyCleanupTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final byte[] HASH = new byte[32];

    private TestPlatform platform;
    private TenantTransactions tenantTx;
    private PlatformTransactions platformTx;
    private Tenant tenantA;
    private Tenant tenantB;

    @BeforeEach
    void freshDatabaseWithTwoTenants() {
        platform = new TestPlatform();
        Jdbi jdbi = platform.jdbi();
        tenantTx = new TenantTransactions(jdbi);
        platformTx = new PlatformTransactions(jdbi);
        tenantA = platform.createTenant("cleanup-a", "EUR");
        tenantB = platform.createTenant("cleanup-b", "EUR");
    }

    @Test
    void keysOlderThanTheRetentionAreDeletedInEveryTenantAndYoungerOnesKept() {
        claimAndComplete(store(T0), tenantA, "old-a");
        claimAndComplete(store(T0), tenantB, "old-b");
        claimAndComplete(store(T0.plusSeconds(3 * 3600)), tenantA, "young-a");

        int deleted = cleanup(store(T0.plusSeconds(25 * 3600))).run();

        assertThat(deleted).isEqualTo(2);
        assertThat(find(tenantA, "old-a")).isEmpty();
        assertThat(find(tenantB, "old-b")).isEmpty();
        assertThat(find(tenantA, "young-a")).isPresent();
    }

    @Test
    void nothingIsDeletedWithinTheRetention() {
        claimAndComplete(store(T0), tenantA, "recent");

        assertThat(cleanup(store(T0.plusSeconds(23 * 3600))).run()).isZero();
        assertThat(find(tenantA, "recent")).isPresent();
    }

    @Test
    void anExpiredKeyThatTheCleanupHasNotReachedYetCanBeClaimedAfresh() {
        claimAndComplete(store(T0), tenantA, "reused-after-a-day");

        var attempt = claim(store(T0.plusSeconds(25 * 3600)), tenantA, "reused-after-a-day", "/v1/other");

        assertThat(attempt.claim()).isPresent();
        assertThat(find(tenantA, "reused-after-a-day").orElseThrow().requestPath()).isEqualTo("/v1/other");
    }

    @Test
    void anAbandonedClaimIsTakenOverAndTheLateOriginalCannotOverwriteIt() {
        IdempotencyStore early = store(T0);
        var original = claim(early, tenantA, "abandoned", "/v1/x").claim().orElseThrow();

        IdempotencyStore tooSoon = store(T0.plusSeconds(60));
        assertThat(claim(tooSoon, tenantA, "abandoned", "/v1/x").claim()).isEmpty();

        IdempotencyStore later = store(T0.plusSeconds(11 * 60));
        var takeover = claim(later, tenantA, "abandoned", "/v1/x").claim();
        assertThat(takeover).isPresent();

        complete(early, original, new byte[] {1});
        assertThat(find(tenantA, "abandoned").orElseThrow().completed()).isFalse();
        complete(later, takeover.get(), new byte[] {2});
        assertThat(find(tenantA, "abandoned").orElseThrow().responseBody()).containsExactly(2);
    }

    private void claimAndComplete(IdempotencyStore store, Tenant tenant, String key) {
        var claim = claim(store, tenant, key, "/v1/api-keys").claim().orElseThrow();
        complete(store, claim, new byte[0]);
    }

    /** Each step in a transaction of its own, as {@link IdempotencyFilter} runs them. */
    private IdempotencyStore.Attempt claim(IdempotencyStore store, Tenant tenant, String key, String path) {
        return tenantTx.write(tenant.id(), tx -> store.claim(tx, key, "api_key:x", "POST", path, HASH));
    }

    private void complete(IdempotencyStore store, IdempotencyStore.Claim claim, byte[] body) {
        tenantTx.write(claim.tenant(), tx -> {
            store.complete(tx, claim, 201, Map.of(), body);
            return null;
        });
    }

    private Optional<StoredRequest> find(Tenant tenant, String key) {
        return tenantTx.read(tenant.id(), tx -> tx.dao(IdempotencyKeyDao.class).find(tenant.id(), key));
    }

    /** Expiry is what these tests are about; encryption at rest is proven over HTTP in IdempotencyKeyTest. */
    private static final FieldSealer UNSEALED = new FieldSealer() {
        @Override
        public byte[] encrypt(FieldContext field, byte[] plaintext) {
            return plaintext;
        }

        @Override
        public byte[] decrypt(FieldContext field, byte[] ciphertext) {
            return ciphertext;
        }
    };

    private IdempotencyStore store(Instant now) {
        return new IdempotencyStore(new IdempotencySettings(), UNSEALED, Clock.fixed(now, ZoneOffset.UTC));
    }

    private IdempotencyKeyCleanup cleanup(IdempotencyStore store) {
        return new IdempotencyKeyCleanup(platformTx, tenantTx, store, Duration.hours(1));
    }
}
