package io.billingnow.platform.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.billingnow.platform.testing.TestPlatform;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

@ExtendWith(DropwizardExtensionsSupport.class)
class AdminTenantsTest {

    static final TestPlatform platform = new TestPlatform();

    @RegisterExtension
    static final io.dropwizard.testing.junit5.DropwizardAppExtension<?> APP = platform.app();

    @Test
    void anOperatorProvisionsSuspendsAndListsTenants() {
        String operator = platform.operatorToken(false);
        Response created = platform.post("/admin/v1/tenants", operator,
                Map.of("slug", "acme-gmbh", "name", "ACME GmbH", "country", "DE", "currency", "EUR"));
        assertThat(created.getStatus()).isEqualTo(201);
        @SuppressWarnings("unchecked")
        Map<String, Object> tenant = created.readEntity(Map.class);
        assertThat(tenant).containsEntry("slug", "acme-gmbh").containsEntry("status", "active");

        Response suspended = platform.post("/admin/v1/tenants/" + tenant.get("id") + "/suspend", operator, Map.of());
        assertThat(suspended.getStatus()).isEqualTo(200);
        assertThat(suspended.readEntity(Map.class)).containsEntry("status", "suspended");

        @SuppressWarnings("unchecked")
        Map<String, Object> list = platform.get("/admin/v1/tenants?status=suspended", operator).readEntity(Map.class);
        assertThat((List<Map<String, Object>>) list.get("data")).extracting(t -> t.get("slug")).contains("acme-gmbh");
    }

    @Test
    void anAuditorMayReadButNotProvision() {
        String auditor = platform.operatorToken(true);
        assertThat(platform.get("/admin/v1/tenants", auditor).getStatus()).isEqualTo(200);
        Response refused = platform.post("/admin/v1/tenants", auditor,
                Map.of("slug", "nope", "name", "Nope", "country", "DE", "currency", "EUR"));
        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat(refused.getMediaType().toString()).isEqualTo("application/problem+json");
    }

    @Test
    void withoutCredentialsTheConsoleAnswers401() {
        Response response = platform.get("/admin/v1/tenants", null);
        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeaderString("WWW-Authenticate")).isEqualTo("Bearer");
    }

    @Test
    void aTenantApiKeyIsNotAnOperatorCredential() {
        var tenant = platform.createTenant("key-holder", "EUR");
        String key = platform.apiKey(tenant, io.billingnow.platform.identity.auth.Role.OWNER);
        assertThat(platform.get("/admin/v1/tenants", key).getStatus()).isEqualTo(401);
    }

    @Test
    void aSuspendedTenantCanReadButNotWriteAndAnOffboardedOneCannotSignIn() {
        String operator = platform.operatorToken(false);
        var tenant = platform.createTenant("to-suspend", "EUR");
        String key = platform.apiKey(tenant, io.billingnow.platform.identity.auth.Role.OWNER);
        platform.postJson("/v1/customers", key, Map.of("name", "Before suspension"), 201);

        platform.request("/admin/v1/tenants/" + tenant.id() + "/suspend", operator).post(Entity.json("{}")).close();
        assertThat(platform.get("/v1/customers", key).getStatus()).isEqualTo(200);
        Response write = platform.post("/v1/customers", key, Map.of("name", "During suspension"));
        assertThat(write.getStatus()).isEqualTo(403);
        assertThat(write.readEntity(String.class)).contains("tenant-suspended");

        platform.request("/admin/v1/tenants/" + tenant.id() + "/reactivate", operator).post(Entity.json("{}")).close();
        assertThat(platform.post("/v1/customers", key, Map.of("name", "After")).getStatus()).isEqualTo(201);

        String etag = platform.get("/admin/v1/tenants/" + tenant.id(), operator).getHeaderString("ETag");
        platform.request("/admin/v1/tenants/" + tenant.id() + "/offboard", operator).header("If-Match", etag)
                .post(Entity.json(Map.of("confirm", "to-suspend"))).close();
        assertThat(platform.get("/v1/customers", key).getStatus()).isEqualTo(401);
        assertThat(platform.post("/admin/v1/tenants/" + tenant.id() + "/reactivate", operator, Map.of()).getStatus())
                .isEqualTo(409);
    }

    @Test
    void invalidDefinitionsAreRejectedFieldByField() {
        String operator = platform.operatorToken(false);
        Response response = platform.post("/admin/v1/tenants", operator,
                Map.of("slug", "Bad Slug!", "name", "", "country", "XX", "currency", "EURO"));
        assertThat(response.getStatus()).isEqualTo(422);
        @SuppressWarnings("unchecked")
        Map<String, Object> problem = response.readEntity(Map.class);
        assertThat((List<Map<String, Object>>) problem.get("errors")).extracting(e -> e.get("pointer"))
                .containsExactlyInAnyOrder("/slug", "/name", "/country", "/currency");
    }
}
