package io.billingnow.platform.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.billingnow.platform.tenancy.Tenant;
import io.billingnow.platform.testing.TestPlatform;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code PUT /admin/v1/tenants/{id}}: optimistic concurrency with ETag and If-Match. */
@ExtendWith(DropwizardExtensionsSupport.class)
class AdminTenantUpdateTest {

    static final TestPlatform platform = new TestPlatform();

    @RegisterExtension
    static final DropwizardAppExtension<?> APP = platform.app();

    private static String operator;

    @BeforeAll
    static void anOperator() {
        operator = platform.operatorToken(false);
    }

    @Test
    void getReturnsTheVersionAsAWeakETag() {
        Tenant tenant = platform.createTenant("etag-get", "EUR");
        Response response = platform.get("/admin/v1/tenants/" + tenant.id(), operator);
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeaderString("ETag")).isEqualTo("W/\"1\"");
        response.close();
    }

    @Test
    void anUpdateWithTheCurrentETagSucceedsAndReturnsTheNextOne() {
        Tenant tenant = platform.createTenant("etag-ok", "EUR");
        Response current = platform.get("/admin/v1/tenants/" + tenant.id(), operator);
        String etag = current.getHeaderString("ETag");
        current.close();

        Response updated = put(tenant, etag, "Renamed GmbH");

        assertThat(updated.getStatus()).isEqualTo(200);
        assertThat(updated.getHeaderString("ETag")).isEqualTo("W/\"2\"");
        assertThat(updated.readEntity(Map.class)).containsEntry("name", "Renamed GmbH").containsEntry("version", 2);
    }

    @Test
    void anUpdateBasedOnAStaleVersionIs412AndChangesNothing() {
        Tenant tenant = platform.createTenant("etag-stale", "EUR");
        assertThat(put(tenant, "W/\"1\"", "First writer").getStatus()).isEqualTo(200);

        Response stale = put(tenant, "W/\"1\"", "Second writer");

        assertProblem(stale, 412, "precondition-failed");
        assertThat(platform.tenantService().find(tenant.id()).orElseThrow().name()).isEqualTo("First writer");
    }

    @Test
    void anUpdateWithoutIfMatchIs428() {
        Tenant tenant = platform.createTenant("etag-missing", "EUR");

        Response response = platform.request("/admin/v1/tenants/" + tenant.id(), operator)
                .put(Entity.json(definition(tenant, "No precondition")));

        assertProblem(response, 428, "precondition-required");
        assertThat(platform.tenantService().find(tenant.id()).orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void anAuditorCannotUpdate() {
        Tenant tenant = platform.createTenant("etag-auditor", "EUR");
        Response response = platform.request("/admin/v1/tenants/" + tenant.id(), platform.operatorToken(true))
                .header("If-Match", "W/\"1\"").put(Entity.json(definition(tenant, "Auditor was here")));
        assertProblem(response, 403, "forbidden");
    }

    private static Response put(Tenant tenant, String ifMatch, String name) {
        Response response = platform.request("/admin/v1/tenants/" + tenant.id(), operator)
                .header("If-Match", ifMatch).put(Entity.json(definition(tenant, name)));
        response.bufferEntity();
        return response;
    }

    private static Map<String, Object> definition(Tenant tenant, String name) {
        return Map.of("slug", tenant.slug(), "name", name, "country", "DE", "currency", "EUR");
    }

    @SuppressWarnings("unchecked")
    private static void assertProblem(Response response, int status, String slug) {
        assertThat(response.getStatus()).isEqualTo(status);
        assertThat(response.getMediaType().toString()).isEqualTo("application/problem+json");
        assertThat(response.readEntity(Map.class)).containsEntry("type", "https://billingnow.io/problems/" + slug);
    }
}
