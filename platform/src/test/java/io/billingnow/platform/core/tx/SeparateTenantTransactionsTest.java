package io.billingnow.platform.core.tx;

import static org.assertj.core.api.Assertions.assertThat;

import io.billingnow.platform.db.DatabaseRoles;
import io.billingnow.platform.db.Databases;
import io.billingnow.platform.core.TenantId;
import io.billingnow.platform.testing.TestDatabase;
import io.billingnow.platform.testing.TestPostgres;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

class SeparateTenantTransactionsTest {

    private final TestDatabase db = TestPostgres.get().newDatabase();
    private final TenantTransactions tx = new TenantTransactions(
            Databases.configure(Jdbi.create(db.jdbcUrl(), DatabaseRoles.APP, "")));

    private static boolean readOnly(TenantHandle handle) {
        return "on".equals(handle.handle().createQuery("SHOW transaction_read_only").mapTo(String.class).one());
    }

    private static String tenantSetting(TenantHandle handle) {
        return handle.handle().createQuery("SELECT current_setting('billingnow.tenant_id', true)")
                .mapTo(String.class).one();
    }

    @Test
    void aPlainReadNestedInAWriteJoinsItWithoutTurningItReadOnly() {
        // Jdbi joins the thread's open transaction; TenantTransactions makes such a join harmless (same tenant, no
        // narrowing) and refuses the harmful ones (NestedTenantTransactionsTest).
        TenantId tenant = TenantId.random();
        boolean outerReadOnlyAfter = tx.write(tenant, outer -> {
            tx.read(tenant, inner -> null);
            return readOnly(outer);
        });
        assertThat(outerReadOnlyAfter).isFalse();
    }

    @Test
    void aSeparateTransactionLeavesTheCallersTransactionAndTenantAlone() {
        TenantId a = TenantId.random();
        TenantId b = TenantId.random();
        tx.write(a, outer -> {
            String innerTenant = tx.readSeparately(b, inner -> {
                assertThat(readOnly(inner)).isTrue();
                return tenantSetting(inner);
            });
            assertThat(innerTenant).isEqualTo(b.toString());
            tx.writeSeparately(b, inner -> null);
            assertThat(readOnly(outer)).isFalse();
            assertThat(tenantSetting(outer)).isEqualTo(a.toString());
            return null;
        });
    }
}
