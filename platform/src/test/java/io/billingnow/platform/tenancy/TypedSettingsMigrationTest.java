package io.billingnow.platform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import io.billingnow.platform.core.TenantId;
import io.billingnow.platform.tenancy.Tenants;
import io.billingnow.platform.db.Databases;
import io.billingnow.platform.core.tx.PlatformTransactions;
import io.billingnow.platform.testing.TestDatabase;
import io.billingnow.platform.testing.TestPostgres;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * Settings the admin API stored before they were typed (an object as the seller's legal name, a number as a pattern)
 * would make the tenant unreadable now; the migration that types them removes exactly the values of a wrong type.
 */
class TypedSettingsMigrationTest {

    @Test
    void valuesOfAWrongTypeAreRemovedAndTheTenantIsReadableAgain() throws Exception {
        TestDatabase database = TestPostgres.get().newDatabase();
        UUID id = UUID.randomUUID();
        try (Connection c = database.superuserConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO tenants (id, slug, name, country, default_currency, status, settings, created_at,
                                     updated_at)
                VALUES (?, 'untyped', 'Untyped', 'DE', 'EUR', 'active', CAST(? AS jsonb), now(), now())""")) {
            ps.setObject(1, id);
            ps.setString(2, """
                    {"invoiceNumberFormat": {"a": 1}, "creditNoteNumberFormat": "CN-{YYYY}-{SEQ}",
                     "paymentTermsDays": 45, "enabledProviders": [{"x": 1}],
                     "seller": {"legalName": {"evil": [1, 2]}, "taxId": "DE1",
                                "address": {"line1": ["a"], "city": "Bonn"}}}""");
            ps.executeUpdate();
        }
        PlatformTransactions tenants = platform(database);
        assertThat(readable(tenants, id)).isFalse();

        try (Connection c = database.ownerConnection(); var statement = c.createStatement()) {
            statement.execute(typedSettingsChangeSet());
        }

        Tenant tenant = Tenants.byId(tenants, new TenantId(id)).orElseThrow();
        TenantSettings settings = tenant.settings();
        assertThat(settings.invoiceNumberFormat()).isEqualTo(TenantSettings.DEFAULT_INVOICE_FORMAT);
        assertThat(settings.creditNoteNumberFormat()).isEqualTo("CN-{YYYY}-{SEQ}");
        assertThat(settings.paymentTermsDays()).isEqualTo(45);
        assertThat(settings.enabledProviders()).isEmpty();
        assertThat(settings.seller().legalName()).isNull();
        assertThat(settings.seller().taxId()).isEqualTo("DE1");
        assertThat(settings.seller().address().line1()).isNull();
        assertThat(settings.seller().address().city()).isEqualTo("Bonn");
    }

    private static boolean readable(PlatformTransactions tenants, UUID id) {
        try {
            Tenants.byId(tenants, new TenantId(id));
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The change set's SQL as Liquibase runs it: the text after its header in 015-tenant-settings.sql. */
    private static String typedSettingsChangeSet() throws Exception {
        try (InputStream in = TypedSettingsMigrationTest.class.getResourceAsStream(
                "/db/changelog/0.1.0/015-tenant-settings.sql")) {
            String file = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String header = "--changeset billingnow:0.1.0-tenant-settings-typed";
            String changeSet = file.substring(file.indexOf(header));
            return changeSet.substring(changeSet.indexOf('\n') + 1);
        }
    }

    private static PlatformTransactions platform(TestDatabase database) {
        return new PlatformTransactions(Databases.configure(Jdbi.create(database.jdbcUrl(), "billingnow_app", "")));
    }
}
