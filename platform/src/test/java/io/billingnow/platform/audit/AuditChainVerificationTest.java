package io.billingnow.platform.audit;

import static io.billingnow.platform.testing.Responses.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.billingnow.platform.identity.auth.Role;
import io.billingnow.platform.tenancy.Tenant;
import io.billingnow.platform.testing.CommandLine;
import io.billingnow.platform.testing.TestPlatform;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tampering is played by a database superuser who switches triggers off ({@code session_replication_role = replica})
 * and edits or deletes rows directly: the one attacker the append-only rules cannot stop, and the reason for the chain.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class AuditChainVerificationTest {

    static final TestPlatform platform = new TestPlatform();

    @RegisterExtension
    static final DropwizardAppExtension<?> APP = platform.app();

    @TempDir
    static Path temp;

    @Test
    void anUntouchedChainIsIntact() {
        Tenant tenant = tenantWithFourEntries("untouched");

        Map<?, ?> result = verify(tenant, platform.operatorToken(false));

        assertThat(result.get("intact")).isEqualTo(true);
        assertThat(result.get("entriesChecked")).isEqualTo(4);
        assertThat(result.get("brokenSeq")).isNull();
        CommandLine.Outcome outcome = CommandLine.run("audit", "verify", config(), "--tenant", "untouched");
        assertThat(outcome.succeeded()).isTrue();
        assertThat(outcome.out()).contains("untouched: 4 entries checked, intact");
    }

    @Test
    void anEditedStateIsNamedBySeq() throws SQLException {
        Tenant tenant = tenantWithFourEntries("edited-state");
        asSuperuser("UPDATE audit_log SET after_state = '{\"name\":\"forged\"}' WHERE tenant_id = ? AND seq = 2",
                tenant.id().value());

        Map<?, ?> result = verify(tenant, platform.operatorToken(false));

        assertThat(result.get("intact")).isEqualTo(false);
        assertThat(result.get("brokenSeq")).isEqualTo(2);
        assertThat(result.get("entriesChecked")).isEqualTo(1);
        assertThat((String) result.get("problem")).contains("edited");
        CommandLine.Outcome outcome = CommandLine.run("audit", "verify", config(), "--tenant", "edited-state");
        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.out()).contains("edited-state: 1 entries checked, BROKEN at seq 2");
        assertThat(outcome.err()).contains("audit chain broken").doesNotContain("\tat ");
    }

    @Test
    void aDeletedMiddleEntryIsNamedAsMissing() throws SQLException {
        Tenant tenant = tenantWithFourEntries("deleted-entry");
        asSuperuser("DELETE FROM audit_log WHERE tenant_id = ? AND seq = 3", tenant.id().value());

        Map<?, ?> result = verify(tenant, platform.operatorToken(true));

        assertThat(result.get("intact")).isEqualTo(false);
        assertThat(result.get("brokenSeq")).isEqualTo(3);
        assertThat((String) result.get("problem")).contains("missing");
        CommandLine.Outcome outcome = CommandLine.run("audit", "verify", config(), "--tenant", "deleted-entry");
        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.out()).contains("BROKEN at seq 3");
    }

    @Test
    void aDeletedLastEntryIsCaughtByTheChainHead() throws SQLException {
        Tenant tenant = tenantWithFourEntries("deleted-tail");
        asSuperuser("DELETE FROM audit_log WHERE tenant_id = ? AND seq = 4", tenant.id().value());

        Map<?, ?> result = verify(tenant, platform.operatorToken(false));

        assertThat(result.get("intact")).isEqualTo(false);
        assertThat(result.get("brokenSeq")).isEqualTo(4);
    }

    @Test
    void verifyingAllTenantsReportsEachAndFailsIfAnyIsBroken() throws SQLException {
        tenantWithFourEntries("all-a-intact");
        Tenant broken = tenantWithFourEntries("all-b-broken");
        asSuperuser("UPDATE audit_log SET action = 'api_key.forged' WHERE tenant_id = ? AND seq = 4",
                broken.id().value());

        CommandLine.Outcome outcome = CommandLine.run("audit", "verify", config(), "--all");

        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.out()).contains("all-a-intact: 4 entries checked, intact")
                .contains("all-b-broken: 3 entries checked, BROKEN at seq 4");
    }

    @Test
    void theCommandNeedsATenantOrAll() {
        assertThat(CommandLine.run("audit", "verify", config()).succeeded()).isFalse();
        CommandLine.Outcome unknown = CommandLine.run("audit", "verify", config(), "--tenant", "no-such-tenant");
        assertThat(unknown.succeeded()).isFalse();
        assertThat(unknown.err()).contains("no tenant with slug no-such-tenant");
    }

    @Test
    void verifyingAnUnknownTenantAnswers404AndTenantKeysCannotVerify() {
        Tenant tenant = tenantWithFourEntries("verify-access");
        assertThat(status(platform.request("/admin/v1/tenants/" + UUID.randomUUID() + "/audit-events/verify",
                platform.operatorToken(false)).post(Entity.json("{}")))).isEqualTo(404);
        assertThat(status(platform.request("/admin/v1/tenants/" + tenant.id() + "/audit-events/verify",
                platform.apiKey(tenant, Role.OWNER)).post(Entity.json("{}")))).isEqualTo(401);
    }

    @Test
    void theApplicationRoleCannotUpdateOrDeleteAuditEntries() throws SQLException {
        Tenant tenant = tenantWithFourEntries("append-only-app");
        try (Connection app = platform.database().appConnection()) {
            app.setAutoCommit(false);
            setTenant(app, tenant.id().value());
            assertThatThrownBy(() -> app.createStatement().executeUpdate("UPDATE audit_log SET action = 'x'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
            app.rollback();
            setTenant(app, tenant.id().value());
            assertThatThrownBy(() -> app.createStatement().executeUpdate("DELETE FROM audit_log"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
            app.rollback();
        }
    }

    @Test
    void evenTheSchemaOwnerIsStoppedByTheAppendOnlyTrigger() throws SQLException {
        Tenant tenant = tenantWithFourEntries("append-only-owner");
        try (Connection owner = platform.database().ownerConnection()) {
            owner.setAutoCommit(false);
            setTenant(owner, tenant.id().value());
            assertThatThrownBy(() -> owner.createStatement().executeUpdate("UPDATE audit_log SET action = 'x'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            owner.rollback();
            setTenant(owner, tenant.id().value());
            assertThatThrownBy(() -> owner.createStatement().executeUpdate("DELETE FROM audit_log"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            owner.rollback();
        }
        assertThat(verify(tenant, platform.operatorToken(false)).get("intact")).isEqualTo(true);
    }

    /** Provisioning, two keys created over HTTP and one revoked: four entries from real operations. */
    private static Tenant tenantWithFourEntries(String slug) {
        Tenant tenant = platform.createTenant(slug, "EUR");
        String owner = platform.apiKey(tenant, Role.OWNER);
        Response created = platform.post("/v1/api-keys", owner, Map.of("name", "temporary", "role", "viewer"));
        assertThat(created.getStatus()).isEqualTo(201);
        Object id = ((Map<?, ?>) created.readEntity(Map.class).get("key")).get("id");
        assertThat(status(platform.request("/v1/api-keys/" + id, owner).delete())).isEqualTo(200);
        return tenant;
    }

    private static Map<?, ?> verify(Tenant tenant, String operator) {
        Response response = platform.request("/admin/v1/tenants/" + tenant.id() + "/audit-events/verify", operator)
                .post(Entity.json("{}"));
        assertThat(response.getStatus()).isEqualTo(200);
        return response.readEntity(Map.class);
    }

    private static String config() {
        return CommandLine.configFile(platform.database(), temp).toString();
    }

    private static void asSuperuser(String sql, UUID tenant) throws SQLException {
        try (Connection su = platform.database().superuserConnection()) {
            su.createStatement().execute("SET session_replication_role = replica");
            try (PreparedStatement ps = su.prepareStatement(sql)) {
                ps.setObject(1, tenant);
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }
        }
    }

    private static void setTenant(Connection c, UUID tenant) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT set_config('billingnow.tenant_id', ?, true)")) {
            ps.setString(1, tenant.toString());
            ps.executeQuery().close();
        }
    }
}
