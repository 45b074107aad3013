package io.billingnow.platform.keys;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import io.billingnow.platform.audit.AuditEvent;
import io.billingnow.platform.audit.AuditLog;
import io.billingnow.platform.core.tx.TenantHandle;
import io.billingnow.platform.core.tx.TenantTransactions;
import io.billingnow.platform.keys.EncryptedFieldException.Reason;
import io.billingnow.platform.keys.master.MasterKey;
import io.billingnow.platform.keys.master.MasterKeyException;
import io.billingnow.platform.tenancy.Tenant;
import io.billingnow.platform.core.TenantId;
import io.billingnow.platform.tenancy.TenantLifecycleListener;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Each tenant's data keys: creation, the cache of unwrapped keys, usage limits, rotation, retirement and
 * crypto-shredding. Every change is written with its audit entry in one tenant transaction.
 *
 * <p>The cache is keyed by (tenant, version), so no entry is ever shared between tenants. It is bounded by count and
 * age; an evicted key is wiped ({@link DataKey#destroy()}). Rotation and destruction evict the affected entries of
 * this process at once (after commit, and destruction also before). Other processes notice a rotation when their
 * reservation of encryptions runs out or their cache entry ages out; old versions keep decrypting meanwhile.
 *
 * <p>Key loading, usage reservations and rotations run in transactions of their own (on their own connections), not
 * in the caller's: a usage reservation must stay counted even if the caller rolls back. One consequence: a field of
 * a tenant cannot be encrypted inside the very transaction that provisions the tenant (its key is not committed
 * yet); encrypt after provisioning has committed.
 */
public final class TenantKeyService implements TenantLifecycleListener {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ENTITY = "data_key";

    private final TenantTransactions tenants;
    private final MasterKey master;
    private final MasterKey previousMaster;
    private final AuditLog audit;
    private final Clock clock;
    private final long rotateAfter;
    private final long reservationBlock;
    private static final long FIRST_RESERVATION = 1024;
    private final Cache<DekId, DataKey> keys;
    private final Cache<TenantId, Integer> primaries;
    private final Function<DekId, DataKey> loader = this::load;
    private final Function<TenantId, Integer> primaryLoader = this::primaryVersionOrCreate;

    private record DekId(TenantId tenant, int version) {
    }

    /** {@code previousMaster} may be null; it is only needed while a master-key rotation is under way. */
    public TenantKeyService(TenantTransactions tenants, MasterKey master, MasterKey previousMaster, AuditLog audit,
                            KeySettings settings, Clock clock) {
        this.tenants = tenants;
        this.master = master;
        this.previousMaster = previousMaster;
        this.audit = audit;
        this.clock = clock;
        this.rotateAfter = settings.getRotateAfterEncryptions();
        this.reservationBlock = Math.min(settings.getUsageReservationBlock(), settings.getRotateAfterEncryptions());
        long ageNanos = settings.getCacheExpireAfterWrite().toNanoseconds();
        this.keys = Caffeine.newBuilder()
                .maximumSize(settings.getCacheMaximumSize())
                .expireAfterWrite(ageNanos, TimeUnit.NANOSECONDS)
                // Run on the evicting thread, so the wipe happens now rather than whenever a pool gets to it.
                .executor(Runnable::run)
                .removalListener((DekId id, DataKey key, RemovalCause cause) -> {
                    if (key != null) {
                        key.destroy();
                    }
                })
                .build();
        this.primaries = Caffeine.newBuilder()
                .maximumSize(settings.getCacheMaximumSize())
                .expireAfterWrite(ageNanos, TimeUnit.NANOSECONDS)
                .executor(Runnable::run)
                .build();
    }

    /** The associated data that binds a wrapped data key to its tenant and version. */
    static byte[] wrapContext(TenantId tenant, int version) {
        return ("billingnow data key|" + tenant + "|" + version).getBytes(StandardCharsets.US_ASCII);
    }

    public MasterKey masterKey() {
        return master;
    }

    /** The tenant's primary key, creating version 1 for a tenant that has never had one. */
    public DataKey primaryKey(TenantId tenant) {
        int version = primaries.get(tenant, primaryLoader);
        return key(tenant, version);
    }

    /** One version of a tenant's key, from the cache or unwrapped from the database. */
    public DataKey key(TenantId tenant, int version) {
        return keys.get(new DekId(tenant, version), loader);
    }

    /**
     * Counts one encryption against {@code key}'s persisted usage. Most calls only decrement a counter in memory: the
     * database counter is advanced a block at a time (1,024 first, doubling up to the configured block), so it is
     * always at least the true count (a crash or an eviction forfeits the rest of a block, never counts short). Returns false when the key can no longer encrypt because it is no longer
     * primary or has reached the rotation threshold, in which case the key has been rotated and the caller asks for
     * the primary again.
     */
    boolean countEncryption(DataKey key) {
        if (key.reservedEncryptions.getAndDecrement() > 0) {
            return true;
        }
        synchronized (key) {
            if (key.reservedEncryptions.get() > 0 && key.reservedEncryptions.getAndDecrement() > 0) {
                return true;
            }
            TenantId tenant = key.tenant();
            // Growing blocks: a key that encrypts rarely (or is reloaded often) forfeits little of its budget when
            // it leaves the cache; a busy one soon reaches the full block and a negligible database cost.
            long block = key.nextReservation == 0
                    ? Math.min(FIRST_RESERVATION, reservationBlock) : key.nextReservation;
            Optional<Long> reserved = tenants.writeSeparately(tenant,
                    tx -> tx.dao(DataKeyDao.class).reserve(tenant, key.version(), block, rotateAfter));
            if (reserved.isPresent()) {
                key.nextReservation = Math.min(block * 2, reservationBlock);
                key.reservedEncryptions.set(block - 1);
                return true;
            }
            key.reservedEncryptions.set(0);
            primaries.invalidate(tenant);
            rotateIfStillPrimary(tenant, key.version());
            return false;
        }
    }

    private void rotateIfStillPrimary(TenantId tenant, int version) {
        tenants.writeSeparately(tenant, tx -> {
            List<StoredDataKey> all = tx.dao(DataKeyDao.class).lockAll(tenant);
            boolean stillPrimary = all.stream()
                    .anyMatch(k -> k.version() == version && k.keyState() == KeyState.PRIMARY);
            return stillPrimary ? rotateLocked(tx, all, KeyActor.SYSTEM, "data_key.rotated_at_usage_limit") : null;
        });
    }

    /** Makes a new version primary; the previous primary only decrypts from now on. */
    public KeyInfo rotate(TenantId tenant, KeyActor actor) {
        return tenants.writeSeparately(tenant, tx -> {
            List<StoredDataKey> all = tx.dao(DataKeyDao.class).lockAll(tenant);
            return rotateLocked(tx, all, actor, "data_key.rotated");
        });
    }

    private KeyInfo rotateLocked(TenantHandle tx, List<StoredDataKey> all, KeyActor actor, String action) {
        TenantId tenant = tx.tenant();
        DataKeyDao dao = tx.dao(DataKeyDao.class);
        if (!all.isEmpty() && all.stream().noneMatch(k -> k.keyState() == KeyState.PRIMARY)) {
            throw new KeyUnavailableException(Reason.KEY_DESTROYED,
                    "tenant " + tenant + " has no primary key: its keys were destroyed", null);
        }
        Optional<StoredDataKey> previous = all.stream().filter(k -> k.keyState() == KeyState.PRIMARY).findFirst();
        int next = all.isEmpty() ? 1 : all.get(all.size() - 1).version() + 1;
        Instant now = now();
        previous.ifPresent(p -> dao.demote(tenant, p.version(), now));
        insertPrimary(dao, tenant, next, now);
        KeyInfo created = dao.find(tenant, next).orElseThrow().info();
        audit.append(tx, new AuditEvent(actor.type(), actor.id(), ENTITY, tenant + ":" + next, action,
                previous.map(StoredDataKey::info).orElse(null), created));
        // Only a real rotation has anything to evict. Creating version 1 may run inside the primaries cache's own
        // loader, which must not touch that same cache entry.
        previous.ifPresent(p -> tx.handle().afterCommit(() -> {
            primaries.invalidate(tenant);
            keys.invalidate(new DekId(tenant, p.version()));
        }));
        return created;
    }

    private void insertPrimary(DataKeyDao dao, TenantId tenant, int version, Instant now) {
        byte[] material = new byte[DataKey.BYTES];
        RANDOM.nextBytes(material);
        try {
            dao.insertPrimary(tenant, version, master.wrap(material, wrapContext(tenant, version)), master.id(), now);
        } finally {
            Arrays.fill(material, (byte) 0);
        }
    }

    /** Creates version 1 in the caller's transaction if the tenant has no key yet. */
    public void ensureKey(TenantHandle tx, KeyActor actor) {
        List<StoredDataKey> all = tx.dao(DataKeyDao.class).lockAll(tx.tenant());
        if (all.isEmpty()) {
            rotateLocked(tx, all, actor, "data_key.created");
        }
    }

    private int primaryVersionOrCreate(TenantId tenant) {
        Optional<Integer> version = tenants.readSeparately(tenant,
                tx -> tx.dao(DataKeyDao.class).primaryVersion(tenant));
        if (version.isPresent()) {
            return version.get();
        }
        return tenants.writeSeparately(tenant, tx -> {
            ensureKey(tx, KeyActor.SYSTEM);
            return tx.dao(DataKeyDao.class).primaryVersion(tenant).orElseThrow(() -> new KeyUnavailableException(
                    Reason.KEY_DESTROYED, "tenant " + tenant + " has no primary key: its keys were destroyed", null));
        });
    }

    private DataKey load(DekId id) {
        StoredDataKey row = tenants.readSeparately(id.tenant(),
                        tx -> tx.dao(DataKeyDao.class).find(id.tenant(), id.version()))
                .orElseThrow(() -> new KeyUnavailableException(Reason.UNKNOWN_KEY_VERSION,
                        "tenant " + id.tenant() + " has no key version " + id.version(), null));
        if (!row.keyState().hasMaterial()) {
            throw new KeyUnavailableException(Reason.KEY_DESTROYED,
                    "key version " + id.version() + " of tenant " + id.tenant() + " is " + row.state(), null);
        }
        MasterKey wrapper = masterFor(row.masterKeyId());
        try {
            return new DataKey(id.tenant(), id.version(),
                    wrapper.unwrap(row.wrappedKey(), wrapContext(id.tenant(), id.version())));
        } catch (MasterKeyException e) {
            throw new KeyUnavailableException(Reason.KEY_UNAVAILABLE, "key version " + id.version() + " of tenant "
                    + id.tenant() + " cannot be unwrapped by master key " + wrapper.id(), e);
        }
    }

    private MasterKey masterFor(String masterKeyId) {
        if (previousMaster != null && previousMaster.id().equals(masterKeyId)) {
            return previousMaster;
        }
        return master;
    }

    /**
     * Crypto-shredding: erases every version of the tenant's key. Everything encrypted for the tenant, wherever a copy
     * of it lives, becomes unreadable (for copies of data_keys itself in old backups, see docs/encryption.md).
     */
    public int destroy(TenantId tenant, KeyActor actor) {
        return tenants.writeSeparately(tenant, tx -> destroyIn(tx, actor));
    }

    private int destroyIn(TenantHandle tx, KeyActor actor) {
        TenantId tenant = tx.tenant();
        DataKeyDao dao = tx.dao(DataKeyDao.class);
        List<KeyInfo> before = dao.lockAll(tenant).stream().map(StoredDataKey::info).toList();
        int destroyed = dao.destroyAll(tenant, now());
        List<KeyInfo> after = dao.all(tenant).stream().map(StoredDataKey::info).toList();
        audit.append(tx, new AuditEvent(actor.type(), actor.id(), ENTITY, tenant.toString(), "data_key.destroyed",
                before, after));
        // Now, so nothing encrypts with it while we commit; and again after commit, in case a reader re-cached it.
        evictTenant(tenant);
        tx.handle().afterCommit(() -> evictTenant(tenant));
        return destroyed;
    }

    /** Retires a decrypt-only version once no data uses it: its wrapped material is erased. */
    public void retire(TenantId tenant, int version, KeyActor actor) {
        tenants.writeSeparately(tenant, tx -> {
            DataKeyDao dao = tx.dao(DataKeyDao.class);
            dao.lockAll(tenant);
            StoredDataKey before = dao.find(tenant, version).orElseThrow();
            if (dao.retire(tenant, version, now()) == 1) {
                audit.append(tx, new AuditEvent(actor.type(), actor.id(), ENTITY, tenant + ":" + version,
                        "data_key.retired", before.info(), dao.find(tenant, version).orElseThrow().info()));
                tx.handle().afterCommit(() -> keys.invalidate(new DekId(tenant, version)));
            }
            return null;
        });
    }

    /** Every version of the tenant's key, without any key material. */
    public List<KeyInfo> inventory(TenantId tenant) {
        return tenants.readSeparately(tenant, tx -> tx.dao(DataKeyDao.class).all(tenant).stream()
                .map(StoredDataKey::info).toList());
    }

    private void evictTenant(TenantId tenant) {
        primaries.invalidate(tenant);
        keys.asMap().keySet().removeIf(id -> id.tenant().equals(tenant));
    }

    /** Drops every cached key (and wipes it). */
    public void evictAll() {
        primaries.invalidateAll();
        keys.invalidateAll();
    }

    long cachedKeyCount() {
        keys.cleanUp();
        return keys.estimatedSize();
    }

    boolean isCached(TenantId tenant, int version) {
        return keys.getIfPresent(new DekId(tenant, version)) != null;
    }

    @Override
    public void provisioned(TenantHandle tx, Tenant tenant) {
        ensureKey(tx, KeyActor.SYSTEM);
    }

    @Override
    public void offboarded(TenantHandle tx, Tenant tenant) {
        destroyIn(tx, KeyActor.SYSTEM);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
