package io.billingnow.platform.core.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.billingnow.platform.db.DatabaseRoles;
import io.billingnow.platform.db.Databases;
import io.billingnow.platform.core.TenantId;
import io.billingnow.platform.testing.BareTenants;
import io.billingnow.platform.testing.TestDatabase;
import io.billingnow.platform.testing.TestPostgres;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A transaction joined on the same thread can never change its tenant, nor be turned read-only by a nested read. */
class NestedTenantTransactionsTest {

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
    void aNestedTransactionForAnotherTenantIsRefused() {
        assertThatThrownBy(() -> transactions.write(A, outer -> transactions.read(B, inner -> 1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("another tenant");
    }

    @Test
    void aNestedReadLeavesTheOuterTransactionWritableAndScopedToItsTenant() {
        UUID customer = UUID.randomUUID();
        transactions.write(A, outer -> {
            transactions.read(A, inner -> inner.handle().createQuery("SELECT 1").mapTo(Integer.class).one());
            outer.handle().createUpdate("""
                    INSERT INTO customers (tenant_id, id, name, created_at, updated_at)
                    VALUES (:tenant, :id, 'After nested read', now(), now())""")
                    .bind("tenant", A).bind("id", customer).execute();
            return null;
        });
        long seenByA = transactions.read(A, tx -> tx.handle()
                .createQuery("SELECT count(*) FROM customers WHERE id = :id").bind("id", customer).mapTo(Long.class).one());
        long seenByB = transactions.read(B, tx -> tx.handle()
                .createQuery("SELECT count(*) FROM customers WHERE id = :id").bind("id", customer).mapTo(Long.class).one());
        assertThat(seenByA).isEqualTo(1);
        assertThat(seenByB).isZero();
    }

    @Test
    void aWriteInsideAReadIsRefused() {
        assertThatThrownBy(() -> transactions.read(A, outer -> transactions.write(A, inner -> 1)))
                .isInstanceOf(IllegalStateException.class);
    }
}
