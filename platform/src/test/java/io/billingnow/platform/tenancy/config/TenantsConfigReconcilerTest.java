package io.billingnow.platform.tenancy.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.billingnow.platform.audit.AuditEventView;
import io.billingnow.platform.audit.AuditLog;
import io.billingnow.platform.audit.AuditTrail;
import io.billingnow.platform.identity.auth.OperatorCaller;
import io.billingnow.platform.db.Databases;
import io.billingnow.platform.core.tx.PlatformTransactions;
import io.billingnow.platform.core.tx.TenantTransactions;
import io.billingnow.platform.tenancy.Tenant;
import io.billingnow.platform.tenancy.TenantDefinition;
import io.billingnow.platform.tenancy.TenantService;
import io.billingnow.platform.tenancy.Tenants;
import io.billingnow.platform.core.TenantId;
import io.billingnow.platform.tenancy.TenantSettings;
import io.billingnow.platform.core.TenantStatus;
import io.billingnow.platform.testing.TestDatabase;
import io.billingnow.platform.testing.TestPostgres;
import io.dropwizard.jackson.Jackson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TenantsConfigReconcilerTest {

    private static final String ACME = """
            slug: acme-gmbh
            name: ACME GmbH
            country: DE
            currency: EUR
            settings:
              invoiceNumberFormat: "RE-{YYYY}-{SEQ:5}"
              paymentTermsDays: 14
              seller:
                legalName: ACME GmbH
                address: {line1: Musterstraße 1, postalCode: "10115", city: Berlin, country: DE}
            """;

    @TempDir
    Path folder;

    private TestDatabase database;
    private TenantService tenants;
    private TenantTransactions tenantTx;
    private PlatformTransactions platformTx;
    private TenantsConfigReconciler reconciler;
    private AuditTrail trail;

    @BeforeEach
    void freshDatabase() {
        database = TestPostgres.get().newDatabase();
        Jdbi jdbi = Databases.configure(Jdbi.create(database.jdbcUrl(), "billingnow_app", ""));
        ObjectMapper json = Jackson.newObjectMapper();
        tenantTx = new TenantTransactions(jdbi);
        platformTx = new PlatformTransactions(jdbi);
        tenants = new TenantService(new AuditLog(json, Clock.systemUTC()), Clock.systemUTC());
        reconciler = new TenantsConfigReconciler(tenants, tenantTx, platformTx);
        trail = new AuditTrail(tenantTx, json);
    }

    @Test
    void aMissingTenantIsCreatedAndAuditedAsConfig() throws IOException {
        write("acme-gmbh.yml", ACME);

        TenantsConfigReconciler.Report report = reconciler.reconcile(folder);

        assertThat(report.created()).containsExactly("acme-gmbh");
        Tenant acme = Tenants.bySlug(platformTx, "acme-gmbh").orElseThrow();
        assertThat(acme.status()).isEqualTo(TenantStatus.ACTIVE);
        assertThat(acme.settings().invoiceNumberFormat()).isEqualTo("RE-{YYYY}-{SEQ:5}");
        assertThat(acme.settings().paymentTermsDays()).isEqualTo(14);
        assertThat(acme.settings().seller().legalName()).isEqualTo("ACME GmbH");
        assertThat(audit(acme)).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("tenant.provisioned");
            assertThat(e.actor()).isEqualTo(new AuditEventView.Party("config", "acme-gmbh.yml"));
        });
    }

    @Test
    void aChangedFileUpdatesTheTenantWithBeforeAndAfterInTheTrail() throws IOException {
        write("acme-gmbh.yml", ACME);
        reconciler.reconcile(folder);
        write("acme-gmbh.yml", ACME.replace("name: ACME GmbH", "name: ACME Europe GmbH")
                .replace("paymentTermsDays: 14", "paymentTermsDays: 21"));

        TenantsConfigReconciler.Report report = reconciler.reconcile(folder);

        assertThat(report.updated()).containsExactly("acme-gmbh");
        Tenant acme = Tenants.bySlug(platformTx, "acme-gmbh").orElseThrow();
        assertThat(acme.name()).isEqualTo("ACME Europe GmbH");
        assertThat(acme.settings().paymentTermsDays()).isEqualTo(21);
        List<AuditEventView> entries = audit(acme);
        assertThat(entries).extracting(AuditEventView::action).containsExactly("tenant.provisioned", "tenant.updated");
        AuditEventView update = entries.get(1);
        assertThat(update.actor()).isEqualTo(new AuditEventView.Party("config", "acme-gmbh.yml"));
        assertThat(update.before().get("name").asText()).isEqualTo("ACME GmbH");
        assertThat(update.after().get("name").asText()).isEqualTo("ACME Europe GmbH");
    }

    @Test
    void aSecondRunChangesNothingAndWritesNoAuditEntry() throws IOException {
        for (String sample : List.of("acme-gmbh.yml", "tokyo-trading.yml", "manama-supplies.yml")) {
            Files.copy(TenantFileValidationTest.REPOSITORY_FOLDER.resolve(sample), folder.resolve(sample));
        }
        assertThat(reconciler.reconcile(folder).created()).hasSize(3);
        List<Tenant> before = Tenants.page(platformTx, null, null, 10);

        TenantsConfigReconciler.Report second = reconciler.reconcile(folder);

        assertThat(second.created()).isEmpty();
        assertThat(second.updated()).isEmpty();
        assertThat(second.unchanged()).containsExactlyInAnyOrder("acme-gmbh", "tokyo-trading", "manama-supplies");
        assertThat(Tenants.page(platformTx, null, null, 10)).isEqualTo(before);
        for (Tenant tenant : before) {
            assertThat(audit(tenant)).hasSize(1);
        }
    }

    @Test
    void aTenantWithoutAFileIsKeptActiveAndOnlyReported() throws IOException {
        Tenant legacy = tenantTx.write(TenantId.random(), tx -> tenants.provision(tx, new TenantDefinition(
                "legacy-shop", "Legacy", "DE", "EUR", TenantSettings.defaults()), new OperatorCaller("op-1", false)));
        write("acme-gmbh.yml", ACME);

        TenantsConfigReconciler.Report report = reconciler.reconcile(folder);

        assertThat(report.withoutFile()).containsExactly("legacy-shop");
        Tenant after = Tenants.byId(platformTx, legacy.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(TenantStatus.ACTIVE);
        assertThat(after.version()).isEqualTo(legacy.version());
        assertThat(audit(legacy)).hasSize(1);
    }

    @Test
    void oneInvalidFileRefusesTheWholeFolderNamingFileAndField() throws IOException {
        write("acme-gmbh.yml", ACME);
        write("broken-shop.yml", "slug: broken-shop\nname: Broken\ncountry: DE\ncurrency: EURO\n");

        assertThatThrownBy(() -> reconciler.reconcile(folder))
                .isInstanceOf(InvalidTenantsConfigException.class)
                .hasMessageContaining("no tenant was changed")
                .hasMessageContaining("broken-shop.yml: /currency: an ISO 4217 currency code");
        assertThat(Tenants.bySlug(platformTx, "acme-gmbh")).isEmpty();
    }

    @Test
    void aFileForAnOffboardedTenantIsIgnored() throws IOException {
        write("acme-gmbh.yml", ACME);
        reconciler.reconcile(folder);
        Tenant acme = Tenants.bySlug(platformTx, "acme-gmbh").orElseThrow();
        tenantTx.write(acme.id(), tx -> tenants.offboard(tx, new OperatorCaller("op-1", false), current -> { }));
        write("acme-gmbh.yml", ACME.replace("name: ACME GmbH", "name: ACME Reborn"));

        TenantsConfigReconciler.Report report = reconciler.reconcile(folder);

        assertThat(report.skipped()).containsExactly("acme-gmbh");
        Tenant after = Tenants.byId(platformTx, acme.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(TenantStatus.OFFBOARDED);
        assertThat(after.name()).isEqualTo("ACME GmbH");
    }

    @Test
    void theFileSetsOnlyTheFieldsItWritesAndKeepsWhatTheConsoleSetForTheOthers() throws IOException {
        write("acme-gmbh.yml", ACME);
        reconciler.reconcile(folder);
        Tenant acme = Tenants.bySlug(platformTx, "acme-gmbh").orElseThrow();
        assertThat(acme.managedBy()).endsWith("/acme-gmbh.yml");
        assertThat(acme.managedFields()).containsExactly("/name", "/country", "/currency",
                "/settings/invoiceNumberFormat", "/settings/paymentTermsDays", "/settings/seller");
        OperatorCaller operator = new OperatorCaller("op-1", false);
        var json = new ObjectMapper();
        var console = json.readTree("{\"settings\": {\"paymentLinkMaxDays\": 9, \"enabledProviders\": [\"stripe\"]}}");
        tenantTx.write(acme.id(), tx -> tenants.patch(tx, console, operator, version -> { }));
        var owned = json.readTree("{\"settings\": {\"paymentTermsDays\": 60}}");
        assertThatThrownBy(() -> tenantTx.write(acme.id(), tx -> tenants.patch(tx, owned, operator, version -> { })))
                .isInstanceOf(io.billingnow.platform.core.errors.DomainException.class)
                .hasMessageContaining("/settings/paymentTermsDays").hasMessageContaining("acme-gmbh.yml");
        write("acme-gmbh.yml", ACME.replace("paymentTermsDays: 14", "paymentTermsDays: 21"));

        TenantsConfigReconciler.Report report = reconciler.reconcile(folder);

        assertThat(report.updated()).containsExactly("acme-gmbh");
        Tenant after = Tenants.byId(platformTx, acme.id()).orElseThrow();
        assertThat(after.settings().paymentTermsDays()).isEqualTo(21);
        assertThat(after.settings().paymentLinkMaxDays()).isEqualTo(9);
        assertThat(after.settings().enabledProviders()).containsExactly("stripe");
        assertThat(reconciler.reconcile(folder).unchanged()).containsExactly("acme-gmbh");
    }

    @Test
    void aTenantWhoseConsoleSettingsAreInvalidIsSkippedAndNamedWhileTheOthersAreApplied() throws Exception {
        write("acme-gmbh.yml", ACME);
        reconciler.reconcile(folder);
        Tenant acme = Tenants.bySlug(platformTx, "acme-gmbh").orElseThrow();
        // A console-owned pattern stored before settings were validated.
        try (var c = database.superuserConnection(); var ps = c.prepareStatement("UPDATE tenants SET settings = "
                + "jsonb_set(settings, '{creditNoteNumberFormat}', '\"abc\"') WHERE id = ?")) {
            ps.setObject(1, acme.id().value());
            ps.executeUpdate();
        }
        write("acme-gmbh.yml", ACME.replace("name: ACME GmbH", "name: ACME Europe GmbH"));
        write("tiny-shop.yml", "slug: tiny-shop\nname: Tiny\ncountry: FR\ncurrency: EUR\n");

        TenantsConfigReconciler.Report report = reconciler.reconcile(folder);

        assertThat(report.skipped()).containsExactly("acme-gmbh");
        assertThat(report.created()).containsExactly("tiny-shop");
        assertThat(Tenants.byId(platformTx, acme.id()).orElseThrow().name()).isEqualTo("ACME GmbH");
    }

    private List<AuditEventView> audit(Tenant tenant) {
        return trail.page(tenant.id(), null, null, AuditTrail.MAX_LIMIT).data();
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(folder.resolve(name), content);
    }
}
