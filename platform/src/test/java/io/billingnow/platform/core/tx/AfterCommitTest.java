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
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Work a service registers with {@code tx.afterCommit} (ending a removed member's sessions, say) runs once the
 * outermost transaction has committed and let go of the thread, so it sees the change and may open transactions of
 * its own; after a rollback it never runs.
 */
class AfterCommitTest {

    static TenantTransactions transactions;
    static final TenantId A = TenantId.random();
    static final TenantId B = TenantId.random();

    @BeforeAll
    static void database() {
        TestDatabase db = TestPostgres.get().newDatabase();
        Jdbi jdbi = Databases.configure(Jdbi.create(db.jdbcUrl(), DatabaseRoles.APP, ""));
        transactions = new TenantTransactions(jdbi);
        BareTenants.insert(jdbi, A, B);
    }

    @Test
    void workRegisteredInANestedTransactionRunsAfterTheOutermostCommitWithTheThreadFree() {
        UUID customer = UUID.randomUUID();
        List<String> seen = new ArrayList<>();
        transactions.write(A, outer -> {
            transactions.write(A, inner -> {
                insertCustomer(inner, customer);
                inner.afterCommit(() -> {
                    // Another tenant's transaction is refused while A's is open on this thread: this one is allowed.
                    seen.add("B sees " + transactions.read(B, tx -> count(tx, customer)));
                    seen.add("A sees " + transactions.read(A, tx -> count(tx, customer)));
                });
                return null;
            });
            seen.add("outer still open");
            return null;
        });
        assertThat(seen).containsExactly("outer still open", "B sees 0", "A sees 1");
    }

    @Test
    void workRegisteredInATransactionThatRollsBackNeverRuns() {
        UUID customer = UUID.randomUUID();
        List<String> ran = new ArrayList<>();
        assertThatThrownBy(() -> transactions.write(A, tx -> {
            insertCustomer(tx, customer);
            tx.afterCommit(() -> ran.add("ran"));
            throw new IllegalStateException("refused");
        })).hasMessage("refused");
        assertThat(ran).isEmpty();
        long stored = transactions.read(A, tx -> count(tx, customer));
        assertThat(stored).isZero();
    }

    private static void insertCustomer(TenantHandle tx, UUID customer) {
        tx.handle().createUpdate("""
                INSERT INTO customers (tenant_id, id, name, created_at, updated_at)
                VALUES (:tenant, :id, 'Committed', now(), now())""")
                .bind("tenant", tx.tenant()).bind("id", customer).execute();
    }

    private static long count(TenantHandle tx, UUID customer) {
        return tx.handle().createQuery("SELECT count(*) FROM customers WHERE id = :id").bind("id", customer)
                .mapTo(Long.class).one();
    }
}
