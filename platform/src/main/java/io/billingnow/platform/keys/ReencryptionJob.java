package io.billingnow.platform.keys;

import io.billingnow.platform.core.tx.PlatformTransactions;
import io.billingnow.platform.core.tx.TenantHandle;
import io.billingnow.platform.core.tx.TenantTransactions;
import io.billingnow.platform.core.TenantId;
import io.dropwizard.lifecycle.Managed;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.statement.Query;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves every registered encrypted column of a tenant to its primary key version, so that old versions can retire.
 *
 * <p>Each batch of rows and the progress record commit in one transaction: after a crash the job resumes after the
 * last committed row. When every column is done it checks that no row still names an old version (rows written
 * by another process with an old key after the scan passed them start the column over) and only then retires the old
 * versions, erasing their wrapped material.
 *
 * <p>The one exception to "SQL lives only in DAOs" (ArchitectureTest names it): a batch reads, re-encrypts and
 * counts the rows of whichever tables and columns {@link EncryptedColumns} declares, so its SQL is built from that
 * registry at run time. A SqlObject method has one fixed statement; a DAO per column would have to be kept in step
 * with the registry by hand, which is the mistake the registry exists to prevent. Table, column and row-key names
 * come only from the registry, never from input; every value is bound.
 */
public final class ReencryptionJob implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(ReencryptionJob.class);

    private final PlatformTransactions platform;
    private final TenantTransactions tenants;
    private final TenantKeyService keys;
    private final FieldEncryptor encryptor;
    private final EncryptedColumns columns;
    private final int batchSize;
    private final long intervalMillis;
    private final Clock clock;
    private ScheduledExecutorService scheduler;

    public ReencryptionJob(PlatformTransactions platform, TenantTransactions tenants, TenantKeyService keys,
                           FieldEncryptor encryptor, EncryptedColumns columns, KeySettings settings, Clock clock) {
        this.platform = platform;
        this.tenants = tenants;
        this.keys = keys;
        this.encryptor = encryptor;
        this.columns = columns;
        this.batchSize = settings.getReencryptionBatchSize();
        this.intervalMillis = settings.getReencryptionInterval().toMilliseconds();
        this.clock = clock;
    }

    /** Re-encrypts the tenant as far as it can go now; returns where it stands. */
    public ReencryptionStatus run(TenantId tenant) {
        List<KeyInfo> inventory = keys.inventory(tenant);
        List<Integer> pending = pendingVersions(inventory);
        Integer target = primaryVersion(inventory);
        if (pending.isEmpty() || target == null) {
            return status(tenant);
        }
        for (EncryptedColumn column : columns.all()) {
            tenants.perform(tenant, tx -> tx.dao(ReencryptionDao.class)
                    .start(tenant, target, column.table(), column.column(), now()));
            while (tenants.write(tenant, tx -> batch(tx, column, target))) {
                LOG.debug("re-encryption of tenant {} {}.{}: batch committed", tenant, column.table(), column.column());
            }
        }
        boolean clean = tenants.write(tenant, tx -> {
            boolean none = true;
            for (EncryptedColumn column : columns.all()) {
                if (rowsUnder(tx, column, pending) > 0) {
                    tx.dao(ReencryptionDao.class).restart(tenant, target, column.table(), column.column(), now());
                    none = false;
                }
            }
            return none;
        });
        if (clean) {
            for (int version : pending) {
                keys.retire(tenant, version, KeyActor.SYSTEM);
            }
            LOG.info("re-encryption of tenant {} complete: versions {} retired, all data under version {}", tenant,
                    pending, target);
        }
        return status(tenant);
    }

    /** One batch of one column; true if there may be more rows after it. */
    private boolean batch(TenantHandle tx, EncryptedColumn column, int target) {
        TenantId tenant = tx.tenant();
        ReencryptionDao progress = tx.dao(ReencryptionDao.class);
        ReencryptionStatus.Column state = progress.lock(tenant, target, column.table(), column.column()).orElseThrow();
        if (state.completedAt() != null) {
            return false;
        }
        String after = state.lastRowId();
        record Row(String key, byte[] value) {
        }
        // The cursor is kept as text so any row key fits it; it is bound untyped (Types.OTHER) so PostgreSQL reads
        // it as the row key's own type (uuid or text) and the comparison uses the primary key's index and order.
        String key = column.rowKey();
        Query query = tx.handle().createQuery("SELECT " + key + "::text, " + column.column() + " FROM "
                        + column.table() + " WHERE tenant_id = :tenant" + (after == null ? "" : " AND " + key
                        + " > :after") + " AND " + column.column() + " IS NOT NULL ORDER BY " + key
                        + " LIMIT :limit FOR UPDATE")
                .bind("tenant", tenant)
                .bind("limit", batchSize);
        if (after != null) {
            query.bindBySqlType("after", after, Types.OTHER);
        }
        List<Row> rows = query.map((rs, ctx) -> new Row(rs.getString(1), rs.getBytes(2))).list();
        long changed = 0;
        for (Row row : rows) {
            FieldContext field = column.field(tenant, row.key());
            if (FieldEncryptor.keyVersionOf(field, row.value()) == target) {
                continue;
            }
            byte[] updated = encryptor.reencrypt(field, row.value());
            tx.handle().createUpdate("UPDATE " + column.table() + " SET " + column.column() + " = :value"
                            + " WHERE tenant_id = :tenant AND " + key + " = :key")
                    .bind("value", updated)
                    .bind("tenant", tenant)
                    .bindBySqlType("key", row.key(), Types.OTHER)
                    .execute();
            changed++;
        }
        boolean more = rows.size() == batchSize;
        String last = rows.isEmpty() ? state.lastRowId() : rows.get(rows.size() - 1).key();
        progress.advance(tenant, target, column.table(), column.column(), last, changed, !more, now());
        return more;
    }

    private static long rowsUnder(TenantHandle tx, EncryptedColumn column, List<Integer> versions) {
        // Bytes 1..4 of a field ciphertext are its key version (docs/encryption.md).
        return tx.handle().createQuery("SELECT count(*) FROM " + column.table() + " WHERE tenant_id = :tenant AND "
                        + column.column() + " IS NOT NULL AND length(" + column.column() + ") >= 5 AND "
                        + "(get_byte(" + column.column() + ", 1)::bigint << 24) + (get_byte(" + column.column()
                        + ", 2) << 16) + (get_byte(" + column.column() + ", 3) << 8) + get_byte(" + column.column()
                        + ", 4) = ANY(:versions)")
                .bind("tenant", tx.tenant())
                .bind("versions", versions.stream().mapToInt(Integer::intValue).toArray())
                .mapTo(Long.class)
                .one();
    }

    public ReencryptionStatus status(TenantId tenant) {
        List<KeyInfo> inventory = keys.inventory(tenant);
        List<Integer> pending = pendingVersions(inventory);
        Integer target = primaryVersion(inventory);
        List<ReencryptionStatus.Column> progress = target == null ? List.of()
                : tenants.read(tenant, tx -> tx.dao(ReencryptionDao.class).forTarget(tenant, target));
        return new ReencryptionStatus(tenant.toString(), target, pending, progress, pending.isEmpty());
    }

    /**
     * One pass over every tenant with a key version waiting to be re-encrypted away from, named by one resolver query
     * (looking at each tenant in turn cost one transaction per tenant and pass, whatever the work:
     * docs/performance.md); a failing tenant is logged and does not stop the others.
     */
    public void runAll() {
        List<UUID> ids = platform.lookup(ReencryptionDao.class, dao -> dao.tenantsReencrypting());
        for (UUID id : ids) {
            try {
                run(new TenantId(id));
            } catch (RuntimeException e) {
                LOG.error("re-encryption of tenant {} failed; it will be retried", id, e);
            }
        }
    }

    private static List<Integer> pendingVersions(List<KeyInfo> inventory) {
        List<Integer> pending = new ArrayList<>();
        for (KeyInfo key : inventory) {
            if (KeyState.DECRYPT_ONLY.wireName().equals(key.state())) {
                pending.add(key.version());
            }
        }
        return pending;
    }

    private static Integer primaryVersion(List<KeyInfo> inventory) {
        return inventory.stream().filter(k -> KeyState.PRIMARY.wireName().equals(k.state()))
                .map(KeyInfo::version).findFirst().orElse(null);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "key-reencryption");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                runAll();
            } catch (RuntimeException e) {
                // An exception would cancel the schedule for good; log it and try again next time.
                LOG.error("re-encryption pass failed", e);
            }
        }, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() throws InterruptedException {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler.awaitTermination(30, TimeUnit.SECONDS);
        }
    }
}
