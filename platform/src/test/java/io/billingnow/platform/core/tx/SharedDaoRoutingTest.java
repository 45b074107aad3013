package io.billingnow.platform.core.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.billingnow.platform.db.DatabaseRoles;
import io.billingnow.platform.db.Databases;
import io.billingnow.platform.core.TenantId;
import io.billingnow.platform.testing.BareTenants;
import io.billingnow.platform.testing.TestDatabase;
import io.billingnow.platform.testing.TestPostgres;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DAOs are attached once per type and shared (ThreadBoundDaos): every call must still run on the transaction of the
 * calling thread, with that transaction's tenant, and nowhere else.
 */
class SharedDaoRoutingTest {

    /** A DAO of the test's own: what it reports comes from the transaction it runs on. */
    public interface ProbeDao {
        @SqlQuery("SELECT current_setting('billingnow.tenant_id', true)")
        String tenantSetting();

        @SqlQuery("SELECT current_setting('transaction_read_only')")
        String readOnly();

        @SqlQuery("SELECT count(*) FROM customers")
        long visibleCustomers();

        @SqlUpdate("""
                INSERT INTO customers (tenant_id, id, name, created_at, updated_at)
                VALUES (:tenant, :id, 'Probe', now(), now())""")
        void insertCustomer(@Bind("tenant") TenantId tenant, @Bind("id") UUID id);
    }

    static Jdbi jdbi;
    static TenantTransactions transactions;

    @BeforeAll
    static void database() {
        TestDatabase db = TestPostgres.get().newDatabase();
        jdbi = Databases.configure(Jdbi.create(db.jdbcUrl(), DatabaseRoles.APP, ""));
        transactions = new TenantTransactions(jdbi);
    }

    private static TenantId newTenant() {
        TenantId tenant = TenantId.random();
        BareTenants.insert(jdbi, tenant);
        return tenant;
    }

    @Test
    void aDaoRunsOnItsTransactionWithItsTenantAndReadOnlyMode() {
        TenantId tenant = newTenant();
        String tenantSetting = transactions.read(tenant, tx -> tx.dao(ProbeDao.class).tenantSetting());
        String readReadOnly = transactions.read(tenant, tx -> tx.dao(ProbeDao.class).readOnly());
        String writeReadOnly = transactions.write(tenant, tx -> tx.dao(ProbeDao.class).readOnly());
        assertThat(tenantSetting).isEqualTo(tenant.toString());
        assertThat(readReadOnly).isEqualTo("on");
        assertThat(writeReadOnly).isEqualTo("off");
    }

    @Test
    void theDatabaseRefusesAWriteInAReadTransaction() {
        TenantId tenant = newTenant();
        assertThatThrownBy(() -> transactions.read(tenant, tx -> {
            tx.dao(ProbeDao.class).insertCustomer(tenant, UUID.randomUUID());
            return null;
        })).hasMessageContaining("read-only transaction");
        long visible = transactions.read(tenant, tx -> tx.dao(ProbeDao.class).visibleCustomers());
        assertThat(visible).isZero();
    }

    @Test
    void aDaoKeptBeyondItsTransactionCannotBeCalled() {
        ProbeDao kept = transactions.read(TenantId.random(), tx -> tx.dao(ProbeDao.class));
        assertThatThrownBy(kept::tenantSetting).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("outside a transaction");
    }

    @Test
    void anOuterHandleCannotHandOutDaosInsideASeparateTransaction() {
        TenantId a = TenantId.random();
        TenantId b = TenantId.random();
        assertThatThrownBy(() -> transactions.write(a, outer -> transactions.readSeparately(b,
                inner -> outer.dao(ProbeDao.class))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("inside its own transaction");
        // Inside the separate transaction its own DAOs see its own tenant; afterwards the outer one is current again.
        String[] seen = transactions.write(a, outer -> {
            String inner = transactions.readSeparately(b, tx -> tx.dao(ProbeDao.class).tenantSetting());
            return new String[] {inner, outer.dao(ProbeDao.class).tenantSetting()};
        });
        assertThat(seen).containsExactly(b.toString(), a.toString());
    }

    @Test
    void threadsSharingOneDaoEachSeeOnlyTheirOwnTenant() throws Exception {
        int threads = 8;
        int rounds = 25;
        List<TenantId> tenants = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            tenants.add(newTenant());
        }
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (TenantId tenant : tenants) {
                results.add(pool.submit(() -> {
                    start.await();
                    List<String> problems = new ArrayList<>();
                    for (int round = 1; round <= rounds; round++) {
                        transactions.write(tenant, tx -> {
                            tx.dao(ProbeDao.class).insertCustomer(tenant, UUID.randomUUID());
                            return null;
                        });
                        int expected = round;
                        transactions.read(tenant, tx -> {
                            ProbeDao dao = tx.dao(ProbeDao.class);
                            if (!dao.tenantSetting().equals(tenant.toString())) {
                                problems.add("tenant setting " + dao.tenantSetting());
                            }
                            if (dao.visibleCustomers() != expected) {
                                problems.add("saw " + dao.visibleCustomers() + " customers, expected " + expected);
                            }
                            return null;
                        });
                    }
                    return problems;
                }));
            }
            for (Future<List<String>> result : results) {
                assertThat(result.get()).isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
