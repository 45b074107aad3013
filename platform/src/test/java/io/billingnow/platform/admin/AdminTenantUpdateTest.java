package io.billingnow.platform.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.billingnow.platform.identity.auth.Role;
import io.billingnow.platform.tenancy.Tenant;
import io.billingnow.platform.testing.TestPlatform;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code PATCH /admin/v1/tenants/{id}}: a JSON merge patch of the tenant definition, validated like a tenants-config
 * file, with optimistic concurrency (ETag, If-Match). A refused change leaves a tenant that still finalizes.
 */
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

        Response updated = patch(tenant, etag, Map.of("name", "Renamed GmbH"));

        assertThat(updated.getStatus()).isEqualTo(200);
        assertThat(updated.getHeaderString("ETag")).isEqualTo("W/\"2\"");
        assertThat(updated.readEntity(Map.class)).containsEntry("name", "Renamed GmbH").containsEntry("version", 2);
    }

    @Test
    void anUpdateBasedOnAStaleVersionIs412AndChangesNothing() {
        Tenant tenant = platform.createTenant("etag-stale", "EUR");
        assertThat(patch(tenant, "W/\"1\"", Map.of("name", "First writer")).getStatus()).isEqualTo(200);

        Response stale = patch(tenant, "W/\"1\"", Map.of("name", "Second writer"));

        assertProblem(stale, 412, "precondition-failed");
        assertThat(platform.tenant(tenant.id()).orElseThrow().name()).isEqualTo("First writer");
    }

    @Test
    void anUpdateWithoutIfMatchIs428() {
        Tenant tenant = platform.createTenant("etag-missing", "EUR");

        Response response = patch(tenant, null, Map.of("name", "No precondition"));

        assertProblem(response, 428, "precondition-required");
        assertThat(platform.tenant(tenant.id()).orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void anAuditorCannotUpdate() {
        Tenant tenant = platform.createTenant("etag-auditor", "EUR");
        Response response = platform.patch("/admin/v1/tenants/" + tenant.id(), platform.operatorToken(true),
                "W/\"1\"", Map.of("name", "Auditor was here"));
        assertProblem(response, 403, "forbidden");
    }

    @Test
    void aPatchChangesOnlyTheSettingsItSendsAndNullRestoresTheDefault() {
        Tenant tenant = platform.createTenant("partial", "EUR");
        patch(tenant, "W/\"1\"", Map.of("settings", Map.of("paymentTermsDays", 45,
                "enabledProviders", List.of("stripe"), "invoiceNumberFormat", "P-{YY}{MM}-{SEQ:3}")));

        JsonNode afterSeller = TestPlatform.expect(patch(tenant, "W/\"2\"", Map.of("settings", Map.of("seller",
                Map.of("legalName", "Partial GmbH", "address", Map.of("line1", "Weg 1", "city", "Bonn"))))), 200);

        JsonNode settings = afterSeller.get("settings");
        assertThat(settings.get("paymentTermsDays").asInt()).isEqualTo(45);
        assertThat(settings.get("enabledProviders")).hasSize(1);
        assertThat(settings.get("invoiceNumberFormat").asText()).isEqualTo("P-{YY}{MM}-{SEQ:3}");
        assertThat(settings.get("seller").get("address").get("city").asText()).isEqualTo("Bonn");
        assertThat(afterSeller.get("name").asText()).isEqualTo("Tenant partial");

        JsonNode restored = TestPlatform.expect(patch(tenant, "W/\"3\"",
                Map.of("settings", Collections.singletonMap("paymentTermsDays", null))), 200);
        assertThat(restored.get("settings").get("paymentTermsDays").asInt()).isEqualTo(30);
        assertThat(restored.get("settings").get("seller").get("legalName").asText()).isEqualTo("Partial GmbH");
    }

    @Test
    void settingsThatWouldBreakTheTenantAre422WithAPointerAndTheTenantStillFinalizes() {
        Tenant tenant = platform.createTenant("hostile-settings", "EUR");
        String key = platform.apiKey(tenant, Role.OWNER);
        String hundredKb = "X".repeat(100_000);

        assertRefused(tenant, Map.of("settings", Map.of("invoiceNumberFormat", "abc")),
                "/settings/invoiceNumberFormat");
        String huge = assertRefused(tenant, Map.of("settings", Map.of("invoiceNumberFormat", hundredKb)),
                "/settings/invoiceNumberFormat");
        assertThat(huge).doesNotContain("XXXX").hasSizeLessThan(2_000);
        assertRefused(tenant, Map.of("settings", Map.of("invoiceNumberFormat", 12345)),
                "/settings/invoiceNumberFormat");
        assertRefused(tenant, Map.of("settings", Map.of("seller", Map.of("legalName",
                Map.of("evil", List.of(1, 2))))), "/settings/seller/legalName");
        assertRefused(tenant, Map.of("settings", Map.of("seller", Map.of("legalName", "S", "iban", "DE00"))),
                "/settings/seller/iban");
        assertRefused(tenant, Map.of("settings", Map.of("paymentTermsDays", "45")), "/settings/paymentTermsDays");
        assertRefused(tenant, Map.of("settings", Map.of("creditNoteNumberFormat", "CN-{MM}-{SEQ}")),
                "/settings/creditNoteNumberFormat");

        assertThat(platform.tenant(tenant.id()).orElseThrow().version()).isEqualTo(1);
        String customer = platform.postJson("/v1/customers", key, Map.of("name", "Buyer"), 201).get("id").asText();
        String draft = platform.postJson("/v1/invoices", key, Map.of("customerId", customer, "lines",
                List.of(Map.of("description", "Work", "quantity", "1", "unitAmount", 1000))), 201).get("id").asText();
        JsonNode finalized = platform.postJson("/v1/invoices/" + draft + "/finalize", key, Map.of(), 200);
        assertThat(finalized.get("number").asText()).startsWith("INV-");
    }

    @Test
    void aProvisioningRequestIsValidatedLikeATenantsConfigFile() {
        Response invalid = platform.post("/admin/v1/tenants", operator, Map.of("slug", "bad-pattern", "name", "B",
                "country", "DE", "currency", "EUR", "settings", Map.of("invoiceNumberFormat", "{YYYY}")));
        assertProblem(invalid, 422, "invalid-tenant-definition");
        assertThat(platform.tenantBySlug("bad-pattern")).isEmpty();

        JsonNode created = TestPlatform.expect(platform.post("/admin/v1/tenants", operator, Map.of("slug",
                "monthly-numbers", "name", "M", "country", "JP", "currency", "JPY",
                "settings", Map.of("invoiceNumberFormat", "M-{YY}{MM}-{SEQ:4}"))), 201);
        assertThat(created.get("settings").get("invoiceNumberFormat").asText()).isEqualTo("M-{YY}{MM}-{SEQ:4}");
        assertThat(created.get("managedBy").isNull()).isTrue();
    }

    @Test
    void aPatchMustBeAMergePatchObjectAndPutIsGone() {
        Tenant tenant = platform.createTenant("only-patch", "EUR");

        Response put = platform.request("/admin/v1/tenants/" + tenant.id(), operator).header("If-Match", "W/\"1\"")
                .put(Entity.json(Map.of("slug", "only-patch", "name", "N", "country", "DE", "currency", "EUR")));
        assertProblem(put, 405, "method-not-allowed");
        Response plainJson = platform.request("/admin/v1/tenants/" + tenant.id(), operator)
                .header("If-Match", "W/\"1\"").method("PATCH", Entity.json(Map.of("name", "N")));
        assertProblem(plainJson, 415, "unsupported-media-type");
        Response array = platform.patch("/admin/v1/tenants/" + tenant.id(), operator, "W/\"1\"", List.of("x"));
        assertProblem(array, 400, "invalid-request");
        Response slug = platform.patch("/admin/v1/tenants/" + tenant.id(), operator, "W/\"1\"",
                Map.of("slug", "other-slug"));
        assertThat(slug.getStatus()).isEqualTo(400);
        assertThat(platform.tenant(tenant.id()).orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void aStoredPatternTheRulesRefuseIsA409NamingTheSettingNotA500() throws Exception {
        Tenant tenant = platform.createTenant("legacy-pattern", "EUR");
        String key = platform.apiKey(tenant, Role.OWNER);
        // A pattern stored before the admin API validated settings.
        try (var c = platform.database().superuserConnection(); var ps = c.prepareStatement(
                "UPDATE tenants SET settings = jsonb_set(settings, '{invoiceNumberFormat}', '\"abc\"') WHERE id = ?")) {
            ps.setObject(1, tenant.id().value());
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        String customer = platform.postJson("/v1/customers", key, Map.of("name", "Buyer"), 201).get("id").asText();
        String draft = platform.postJson("/v1/invoices", key, Map.of("customerId", customer, "lines",
                List.of(Map.of("description", "Work", "quantity", "1", "unitAmount", 1000))), 201).get("id").asText();

        Response refused = platform.post("/v1/invoices/" + draft + "/finalize", key, Map.of());

        assertThat(refused.getStatus()).isEqualTo(409);
        JsonNode problem = TestPlatform.parse(refused.readEntity(String.class));
        assertThat(problem.get("type").asText()).endsWith("/invalid-tenant-setting");
        assertThat(problem.get("detail").asText()).contains("/settings/invoiceNumberFormat");
        assertThat(problem.get("errors").get(0).get("pointer").asText()).isEqualTo("/settings/invoiceNumberFormat");
        assertThat(platform.getJson("/v1/invoices/" + draft, key, 200).get("status").asText()).isEqualTo("draft");
    }

    @Test
    void theProviderToggleIsAMergePatchOfOneFlagAndKeepsTheOtherSettings() {
        Tenant tenant = platform.createTenant("toggles", "EUR");
        patch(tenant, "W/\"1\"", Map.of("settings", Map.of("paymentTermsDays", 45,
                "enabledProviders", List.of("stripe", "adyen"))));
        String toggle = "/admin/v1/tenants/" + tenant.id() + "/providers/";

        JsonNode disabled = TestPlatform.expect(platform.patch(toggle + "adyen", operator, null,
                Map.of("enabled", false)), 200);
        JsonNode nothingSent = TestPlatform.expect(platform.patch(toggle + "stripe", operator, null, Map.of()), 200);
        Response put = platform.request(toggle + "stripe", operator).put(Entity.json(Map.of("enabled", false)));

        assertThat(disabled.get("enabledProviders")).extracting(JsonNode::asText).containsExactly("stripe");
        assertThat(nothingSent.get("enabledProviders")).extracting(JsonNode::asText).containsExactly("stripe");
        assertProblem(put, 405, "method-not-allowed");
        Tenant after = platform.tenant(tenant.id()).orElseThrow();
        assertThat(after.settings().enabledProviders()).containsExactly("stripe");
        assertThat(after.settings().paymentTermsDays()).isEqualTo(45);
    }

    private static String assertRefused(Tenant tenant, Object patch, String pointer) {
        Response response = patch(tenant, "W/\"1\"", patch);
        assertThat(response.getStatus()).as(pointer).isEqualTo(422);
        String body = response.readEntity(String.class);
        JsonNode problem = TestPlatform.parse(body);
        assertThat(problem.get("type").asText()).endsWith("/invalid-tenant-definition");
        assertThat(problem.get("requestId").asText()).isNotEmpty();
        assertThat(problem.get("errors")).extracting(e -> e.get("pointer").asText()).contains(pointer);
        return body;
    }

    private static Response patch(Tenant tenant, String ifMatch, Object patch) {
        return platform.patch("/admin/v1/tenants/" + tenant.id(), operator, ifMatch, patch);
    }

    @SuppressWarnings("unchecked")
    private static void assertProblem(Response response, int status, String slug) {
        assertThat(response.getStatus()).isEqualTo(status);
        assertThat(response.getMediaType().toString()).isEqualTo("application/problem+json");
        assertThat(response.readEntity(Map.class)).containsEntry("type", "https://billingnow.io/problems/" + slug);
    }
}
