package io.billingnow.platform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.billingnow.platform.audit.AuditEntry;
import io.billingnow.platform.audit.AuditLog;
import io.billingnow.platform.core.TenantId;
import io.billingnow.platform.core.TenantStatus;
import io.billingnow.platform.core.tx.PlatformTransactions;
import io.billingnow.platform.core.tx.TenantTransactions;
import io.billingnow.platform.db.Databases;
import io.billingnow.platform.identity.auth.OperatorCaller;
import io.billingnow.platform.testing.TestPostgres;
import io.dropwizard.jackson.Jackson;
import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The caller owns the transaction (CONTRIBUTING.md): what {@link TenantService} changes, and its audit entry, commit
 * or roll back with the rest of the caller's unit of work, never on their own.
 */
class TenantServiceInTheCallersTransactionTest {

    private static final OperatorCaller OPERATOR = new OperatorCaller("op-1", false);

    private TenantTransactions tenantTx;
    private PlatformTransactions platformTx;
    private TenantService tenants;

    @BeforeEach
    void freshDatabase() {
        Jdbi jdbi = Databases.configure(Jdbi.create(TestPostgres.get().newDatabase().jdbcUrl(), "billingnow_app", ""));
        tenantTx = new TenantTransactions(jdbi);
        platformTx = new PlatformTransactions(jdbi);
        tenants = new TenantService(new AuditLog(Jackson.newObjectMapper(), Clock.systemUTC()),
                Clock.systemUTC());
    }

    @Test
    void aStatusChangeAndItsAuditEntryRollBackWhenTheCallersLaterStepFails() {
        Tenant tenant = provision("rolled-back-suspension");

        assertThatThrownBy(() -> tenantTx.write(tenant.id(), tx -> {
            tenants.suspend(tx, OPERATOR);
            throw new IllegalStateException("the caller's next step fails");
        })).hasMessage("the caller's next step fails");

        assertThat(Tenants.byId(platformTx, tenant.id()).orElseThrow().status()).isEqualTo(TenantStatus.ACTIVE);
        assertThat(auditActions(tenant.id())).containsExactly("tenant.provisioned");
    }

    @Test
    void aProvisioningRolledBackByItsCallerLeavesNeitherTenantNorEntry() {
        TenantId id = TenantId.random();

        assertThatThrownBy(() -> tenantTx.write(id, tx -> {
            tenants.provision(tx, definition("never-provisioned"), OPERATOR);
            throw new IllegalStateException("the caller's next step fails");
        })).hasMessage("the caller's next step fails");

        assertThat(Tenants.byId(platformTx, id)).isEmpty();
        assertThat(Tenants.bySlug(platformTx, "never-provisioned")).isEmpty();
        assertThat(auditActions(id)).isEmpty();
    }

    @Test
    void severalChangesInOneTransactionSeeEachOtherAndCommitTogether() {
        Tenant tenant = provision("two-steps");

        Tenant after = tenantTx.write(tenant.id(), tx -> {
            Tenant suspended = tenants.suspend(tx, OPERATOR);
            assertThat(Tenants.current(tx).status()).isEqualTo(TenantStatus.SUSPENDED);
            assertThat(suspended.version()).isEqualTo(tenant.version() + 1);
            return tenants.reactivate(tx, OPERATOR);
        });

        assertThat(after.status()).isEqualTo(TenantStatus.ACTIVE);
        assertThat(after.version()).isEqualTo(tenant.version() + 2);
        assertThat(auditActions(tenant.id()))
                .containsExactly("tenant.provisioned", "tenant.suspended", "tenant.reactivated");
    }

    private Tenant provision(String slug) {
        return tenantTx.write(TenantId.random(), tx -> tenants.provision(tx, definition(slug), OPERATOR));
    }

    private static TenantDefinition definition(String slug) {
        return new TenantDefinition(slug, "Tenant " + slug, "DE", "EUR", TenantSettings.defaults());
    }

    private List<String> auditActions(TenantId tenant) {
        return tenantTx.read(tenant, tx -> AuditLog.entries(tx, 0, 100)).stream().map(AuditEntry::action).toList();
    }
}
