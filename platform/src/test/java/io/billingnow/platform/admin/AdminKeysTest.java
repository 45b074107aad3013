package io.billingnow.platform.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.billingnow.platform.testing.TestPlatform;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

@ExtendWith(DropwizardExtensionsSupport.class)
class AdminKeysTest {

    static final TestPlatform platform = new TestPlatform();

    @RegisterExtension
    static final io.dropwizard.testing.junit5.DropwizardAppExtension<?> APP = platform.app();

    @Test
    @SuppressWarnings("unchecked")
    void anOperatorSeesTheInventoryRotatesAndFollowsReencryptionWithoutEverSeeingKeyMaterial() {
        String operator = platform.operatorToken(false);
        String tenantId = provision(operator, "keys-acme");

        Response inventory = platform.get("/admin/v1/keys/tenants/" + tenantId, operator);
        assertThat(inventory.getStatus()).isEqualTo(200);
        String body = inventory.readEntity(String.class);
        assertThat(body).contains("\"version\":1").contains("\"state\":\"primary\"").contains("\"encryptions\":0")
                .contains("\"createdAt\"").doesNotContainIgnoringCase("wrapped");

        Response rotated = platform.request("/admin/v1/keys/tenants/" + tenantId + "/rotate", operator)
                .post(Entity.json("{}"));
        assertThat(rotated.getStatus()).isEqualTo(200);
        assertThat(rotated.readEntity(Map.class)).containsEntry("version", 2).containsEntry("state", "primary");

        Map<String, Object> status = platform.get("/admin/v1/keys/tenants/" + tenantId + "/reencryption", operator)
                .readEntity(Map.class);
        assertThat(status).containsEntry("primaryVersion", 2).containsEntry("complete", false);
        assertThat((List<Integer>) status.get("pendingVersions")).containsExactly(1);

        Map<String, Object> done = platform.request("/admin/v1/keys/tenants/" + tenantId + "/reencryption", operator)
                .post(Entity.json("{}")).readEntity(Map.class);
        assertThat(done).containsEntry("complete", true);
        Map<String, Object> after = platform.get("/admin/v1/keys/tenants/" + tenantId, operator).readEntity(Map.class);
        assertThat((List<Map<String, Object>>) after.get("keys")).extracting(k -> k.get("state"))
                .containsExactly("retired", "primary");
    }

    /** Through the console, so the application's own wiring (the key listener) is what creates the first key. */
    private static String provision(String operator, String slug) {
        Response created = platform.post("/admin/v1/tenants", operator,
                Map.of("slug", slug, "name", "Tenant " + slug, "country", "DE", "currency", "EUR"));
        assertThat(created.getStatus()).isEqualTo(201);
        return (String) created.readEntity(Map.class).get("id");
    }

    @Test
    void anAuditorMayReadTheInventoryButNotRotate() {
        String auditor = platform.operatorToken(true);
        String tenantId = provision(platform.operatorToken(false), "keys-audited");
        assertThat(platform.get("/admin/v1/keys/tenants/" + tenantId, auditor).getStatus()).isEqualTo(200);
        assertThat(platform.request("/admin/v1/keys/tenants/" + tenantId + "/rotate", auditor)
                .post(Entity.json("{}")).getStatus()).isEqualTo(403);
    }

    @Test
    void anUnknownTenantIs404AndMasterKeyStatusNamesOnlyIds() {
        String operator = platform.operatorToken(false);
        assertThat(platform.get("/admin/v1/keys/tenants/" + UUID.randomUUID(), operator).getStatus()).isEqualTo(404);
        @SuppressWarnings("unchecked")
        Map<String, Object> master = platform.get("/admin/v1/keys/master", operator).readEntity(Map.class);
        assertThat((String) master.get("masterKeyId")).startsWith("local:").hasSize("local:".length() + 16);
        Response rewrap = platform.request("/admin/v1/keys/master/rewrap", operator).post(Entity.json("{}"));
        assertThat(rewrap.getStatus()).isEqualTo(409);
    }
}
