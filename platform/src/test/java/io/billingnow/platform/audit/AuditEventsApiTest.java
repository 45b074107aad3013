package io.billingnow.platform.audit;

import static io.billingnow.platform.testing.Responses.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.billingnow.platform.identity.auth.Role;
import io.billingnow.platform.tenancy.Tenant;
import io.billingnow.platform.testing.TestPlatform;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

@ExtendWith(DropwizardExtensionsSupport.class)
class AuditEventsApiTest {

    static final TestPlatform platform = new TestPlatform();

    @RegisterExtension
    static final DropwizardAppExtension<?> APP = platform.app();

    @Test
    void anAccountantReadsTheTrailWithParsedStatesAndLinkedHashes() {
        Tenant tenant = platform.createTenant("trail-reader", "EUR");
        String accountant = platform.apiKey(tenant, Role.ACCOUNTANT);

        List<Map<String, Object>> data = data(platform.get("/v1/audit-events", accountant));

        assertThat(data).extracting(e -> e.get("action")).containsExactly("tenant.provisioned", "api_key.created");
        Map<String, Object> first = data.get(0);
        assertThat(first.get("seq")).isEqualTo(1);
        assertThat(first.get("id")).asString().hasSize(36);
        assertThat(first.get("occurredAt")).asString().endsWith("Z");
        assertThat(first.get("actor")).isEqualTo(Map.of("type", "operator", "id", "test-fixture"));
        assertThat(first.get("entity")).isEqualTo(Map.of("type", "tenant", "id", tenant.id().toString()));
        assertThat(first.get("before")).isNull();
        assertThat(first.get("after")).isInstanceOf(Map.class);
        assertThat(((Map<?, ?>) first.get("after")).get("slug")).isEqualTo("trail-reader");
        assertThat(first.get("prevHash")).isEqualTo("0".repeat(64));
        assertThat(first.get("hash")).asString().matches("[0-9a-f]{64}");
        assertThat(data.get(1).get("prevHash")).isEqualTo(first.get("hash"));
    }

    @Test
    void anEntryMadeOverHttpCarriesItsRequestId() {
        Tenant tenant = platform.createTenant("request-ids", "EUR");
        String owner = platform.apiKey(tenant, Role.OWNER);
        Response created = platform.request("/v1/api-keys", owner).header("Request-Id", "audit-test-request-1")
                .post(jakarta.ws.rs.client.Entity.json(Map.of("name", "ci", "role", "viewer")));
        assertThat(created.getStatus()).isEqualTo(201);
        String keyId = (String) ((Map<?, ?>) created.readEntity(Map.class).get("key")).get("id");

        List<Map<String, Object>> data = data(platform.get(
                "/v1/audit-events?entityType=api_key&entityId=" + keyId, owner));

        assertThat(data).singleElement().satisfies(e -> {
            assertThat(e.get("action")).isEqualTo("api_key.created");
            assertThat(e.get("requestId")).isEqualTo("audit-test-request-1");
            assertThat(((Map<?, ?>) e.get("actor")).get("type")).isEqualTo("api_key");
        });
    }

    @Test
    void theEntityFilterReturnsOnlyThatEntitysEntries() {
        Tenant tenant = platform.createTenant("entity-filter", "EUR");
        String owner = platform.apiKey(tenant, Role.OWNER);
        platform.apiKey(tenant, Role.VIEWER);

        List<Map<String, Object>> data = data(platform.get(
                "/v1/audit-events?entityType=tenant&entityId=" + tenant.id(), owner));

        assertThat(data).extracting(e -> e.get("action")).containsExactly("tenant.provisioned");
    }

    @Test
    void pagesFollowTheCursorUntilThereIsNoNextCursor() {
        Tenant tenant = platform.createTenant("paged-trail", "EUR");
        String owner = platform.apiKey(tenant, Role.OWNER);
        for (int i = 0; i < 4; i++) {
            platform.apiKey(tenant, Role.VIEWER);
        }

        List<Object> seqs = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Response response = platform.get("/v1/audit-events?limit=2" + (cursor == null ? "" : "&cursor=" + cursor),
                    owner);
            Map<?, ?> page = response.readEntity(Map.class);
            ((List<?>) page.get("data")).forEach(e -> seqs.add(((Map<?, ?>) e).get("seq")));
            cursor = (String) page.get("nextCursor");
            pages++;
        } while (cursor != null);

        assertThat(seqs).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void theLimitIsCappedAt200() {
        Tenant tenant = platform.createTenant("limit-cap", "EUR");
        String owner = platform.apiKey(tenant, Role.OWNER);

        assertThat(status(platform.get("/v1/audit-events?limit=200", owner))).isEqualTo(200);
        Response tooMany = platform.get("/v1/audit-events?limit=201", owner);
        assertThat(tooMany.getStatus()).isEqualTo(400);
        assertThat(tooMany.getMediaType().toString()).isEqualTo("application/problem+json");
        tooMany.close();
        assertThat(status(platform.get("/v1/audit-events?limit=0", owner))).isEqualTo(400);
    }

    @Test
    void halfAnEntityFilterOrABadCursorIsRejected() {
        Tenant tenant = platform.createTenant("bad-filters", "EUR");
        String owner = platform.apiKey(tenant, Role.OWNER);

        assertThat(pointers(platform.get("/v1/audit-events?entityType=tenant", owner))).containsExactly("/entityId");
        assertThat(pointers(platform.get("/v1/audit-events?entityId=x", owner))).containsExactly("/entityType");
        assertThat(pointers(platform.get("/v1/audit-events?cursor=abc", owner))).containsExactly("/cursor");
    }

    @Test
    void aRoleWithoutAuditReadIsRefused() {
        Tenant tenant = platform.createTenant("no-audit-read", "EUR");
        assertThat(status(platform.get("/v1/audit-events", platform.apiKey(tenant, Role.VIEWER)))).isEqualTo(403);
        assertThat(status(platform.get("/v1/audit-events", platform.apiKey(tenant, Role.DEVELOPER))))
                .isEqualTo(403);
        assertThat(status(platform.get("/v1/audit-events", null))).isEqualTo(401);
    }

    @Test
    void aTenantSeesOnlyItsOwnTrail() {
        Tenant mine = platform.createTenant("own-trail", "EUR");
        Tenant other = platform.createTenant("other-trail", "EUR");
        String owner = platform.apiKey(mine, Role.OWNER);

        assertThat(data(platform.get("/v1/audit-events?entityType=tenant&entityId=" + other.id(), owner))).isEmpty();
        assertThat(data(platform.get("/v1/audit-events", owner))).allSatisfy(e ->
                assertThat(((Map<?, ?>) e.get("entity")).get("id")).isNotEqualTo(other.id().toString()));
    }

    @Test
    void operatorsAndAuditorsReadAnyTenantsTrailInTheSameShape() {
        Tenant tenant = platform.createTenant("console-trail", "EUR");
        platform.apiKey(tenant, Role.VIEWER);

        for (String operator : List.of(platform.operatorToken(false), platform.operatorToken(true))) {
            Response response = platform.get("/admin/v1/tenants/" + tenant.id() + "/audit-events?limit=1", operator);
            assertThat(response.getStatus()).isEqualTo(200);
            Map<?, ?> page = response.readEntity(Map.class);
            assertThat((List<?>) page.get("data")).singleElement()
                    .satisfies(e -> assertThat(((Map<?, ?>) e).get("action")).isEqualTo("tenant.provisioned"));
            assertThat(page.get("nextCursor")).isEqualTo("1");
        }
    }

    @Test
    void theConsoleAnswers404ForAnUnknownTenant() {
        String operator = platform.operatorToken(false);
        Response response = platform.get("/admin/v1/tenants/" + UUID.randomUUID() + "/audit-events", operator);
        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.readEntity(Map.class)).containsEntry("status", 404);
    }

    @Test
    void aTenantKeyCannotUseTheConsoleTrail() {
        Tenant tenant = platform.createTenant("key-not-operator", "EUR");
        String owner = platform.apiKey(tenant, Role.OWNER);
        assertThat(status(platform.get("/admin/v1/tenants/" + tenant.id() + "/audit-events", owner)))
                .isEqualTo(401);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> data(Response response) {
        assertThat(response.getStatus()).isEqualTo(200);
        return (List<Map<String, Object>>) response.readEntity(Map.class).get("data");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> pointers(Response response) {
        assertThat(response.getStatus()).isEqualTo(400);
        List<Map<String, Object>> errors = (List<Map<String, Object>>) response.readEntity(Map.class).get("errors");
        return errors.stream().map(e -> e.get("pointer")).toList();
    }
}
