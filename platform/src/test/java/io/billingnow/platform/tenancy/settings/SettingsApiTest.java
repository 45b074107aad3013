package io.billingnow.platform.tenancy.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.billingnow.platform.audit.AuditLog;
import io.billingnow.platform.core.tx.TenantTransactions;
import io.billingnow.platform.identity.auth.Role;
import io.billingnow.platform.identity.auth.SystemCaller;
import io.billingnow.platform.tenancy.Seller;
import io.billingnow.platform.tenancy.Tenant;
import io.billingnow.platform.tenancy.TenantDefinition;
import io.billingnow.platform.tenancy.TenantService;
import io.billingnow.platform.tenancy.TenantSettings;
import io.billingnow.platform.testing.TestPlatform;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code GET/PATCH /v1/settings}: a business changes its own settings under the tenant definition's rules. */
@ExtendWith(DropwizardExtensionsSupport.class)
class SettingsApiTest {

    static final TestPlatform platform = new TestPlatform();

    @RegisterExtension
    static final DropwizardAppExtension<?> APP = platform.app();

    private static String owner(String slug) {
        return platform.apiKey(platform.createTenant(slug, "EUR"), Role.OWNER);
    }

    private static String etag(Response response) {
        return response.getHeaderString("ETag");
    }

    private static List<String> pointers(JsonNode problem) {
        return StreamSupport.stream(problem.get("errors").spliterator(), false)
                .map(e -> e.get("pointer").asText()).toList();
    }

    @Test
    void anOwnerChangesTheSellerTermsCurrencyAndLanguageAndTheChangeIsAudited() {
        String key = owner("settings-change");
        Response before = platform.get("/v1/settings", key);
        JsonNode current = TestPlatform.expect(before, 200);
        assertThat(current.get("paymentTermsDays").asInt()).isEqualTo(30);
        assertThat(current.get("language").asText()).isEqualTo("en");
        assertThat(current.get("readOnlyFields")).isEmpty();

        JsonNode changed = TestPlatform.expect(platform.patch("/v1/settings", key, etag(before), Map.of(
                "legalName", "Muster GmbH", "taxId", "DE 123 456 789", "email", "rechnung@muster.example",
                "address", Map.of("line1", "Weg 1", "postalCode", "10115", "city", "Berlin", "country", "DE"),
                "invoiceNumberFormat", "RE-{YYYY}-{SEQ:4}", "paymentTermsDays", 14, "currency", "CHF",
                "language", "de")), 200);

        assertThat(changed.get("legalName").asText()).isEqualTo("Muster GmbH");
        assertThat(changed.get("address").get("city").asText()).isEqualTo("Berlin");
        assertThat(changed.get("paymentTermsDays").asInt()).isEqualTo(14);
        assertThat(changed.get("currency").asText()).isEqualTo("CHF");
        assertThat(changed.get("language").asText()).isEqualTo("de");
        assertThat(changed.get("creditNoteNumberFormat").asText()).as("not sent, kept").isEqualTo("CN-{YYYY}-{SEQ:5}");
        assertThat(changed.get("version").asInt()).isEqualTo(current.get("version").asInt() + 1);
        JsonNode reread = platform.getJson("/v1/settings", key, 200);
        assertThat(reread.get("invoiceNumberFormat").asText()).isEqualTo("RE-{YYYY}-{SEQ:4}");
        assertThat(reread.get("taxId").asText()).isEqualTo("DE 123 456 789");

        JsonNode audit = platform.getJson("/v1/audit-events", key, 200);
        assertThat(audit.get("data").findValuesAsText("action")).contains(BusinessSettingsService.AUDIT_ACTION);
    }

    @Test
    void aNullRemovesAnOptionalFieldAndResetsASettingToItsDefault() {
        String key = owner("settings-null");
        Response first = platform.get("/v1/settings", key);
        TestPlatform.expect(first, 200);
        Response set = platform.patch("/v1/settings", key, etag(first),
                Map.of("legalName", "Solo", "email", "a@solo.example", "paymentTermsDays", 7));
        TestPlatform.expect(set, 200);
        java.util.Map<String, Object> patch = new java.util.HashMap<>();
        patch.put("email", null);
        patch.put("paymentTermsDays", null);

        JsonNode reset = TestPlatform.expect(platform.patch("/v1/settings", key, etag(set), patch), 200);

        assertThat(reset.get("email").isNull()).isTrue();
        assertThat(reset.get("legalName").asText()).isEqualTo("Solo");
        assertThat(reset.get("paymentTermsDays").asInt()).isEqualTo(30);
    }

    @Test
    void invalidSettingsAreRefusedWithAPointerPerFieldAndNothingChanges() {
        String key = owner("settings-invalid");
        Response first = platform.get("/v1/settings", key);
        int version = TestPlatform.expect(first, 200).get("version").asInt();

        JsonNode refused = TestPlatform.expect(platform.patch("/v1/settings", key, etag(first), Map.of(
                "invoiceNumberFormat", "INV-{FOO}", "creditNoteNumberFormat", "CN-{YYYY}",
                "currency", "EURO", "language", "fr", "taxId", "DE<123>", "paymentTermsDays", 99999)), 422);

        assertThat(refused.get("type").asText()).endsWith("invalid-tenant-definition");
        assertThat(pointers(refused)).contains("/invoiceNumberFormat", "/creditNoteNumberFormat", "/currency",
                "/language", "/taxId", "/paymentTermsDays", "/legalName");
        assertThat(refused.has("requestId")).isTrue();

        JsonNode unknown = TestPlatform.expect(platform.patch("/v1/settings", key, etag(first),
                Map.of("nickname", "x")), 400);
        assertThat(pointers(unknown)).containsExactly("/nickname");
        JsonNode wrongType = TestPlatform.expect(platform.patch("/v1/settings", key, etag(first),
                Map.of("address", "Berlin")), 400);
        assertThat(pointers(wrongType)).containsExactly("/address");
        assertThat(platform.getJson("/v1/settings", key, 200).get("version").asInt()).isEqualTo(version);
    }

    @Test
    void aChangeNeedsTheCurrentETag() {
        String key = owner("settings-etag");
        assertThat(platform.patch("/v1/settings", key, null, Map.of("paymentTermsDays", 10)).getStatus())
                .isEqualTo(428);
        assertThat(platform.patch("/v1/settings", key, "W/\"99\"", Map.of("paymentTermsDays", 10)).getStatus())
                .isEqualTo(412);
        assertThat(platform.getJson("/v1/settings", key, 200).get("paymentTermsDays").asInt()).isEqualTo(30);
    }

    @Test
    void onlyOwnersReadOrChangeTheSettingsAnAdminIsRefused() {
        Tenant tenant = platform.createTenant("settings-roles", "EUR");
        for (Role role : List.of(Role.ADMIN, Role.ACCOUNTANT, Role.DEVELOPER, Role.VIEWER)) {
            String key = platform.apiKey(tenant, role);
            assertThat(platform.get("/v1/settings", key).getStatus()).as(role + " GET").isEqualTo(403);
            assertThat(platform.patch("/v1/settings", key, "*", Map.of("paymentTermsDays", 1)).getStatus())
                    .as(role + " PATCH").isEqualTo(403);
        }
        assertThat(platform.tenant(tenant.id()).orElseThrow().settings().paymentTermsDays()).isEqualTo(30);
    }

    @Test
    void aBusinessChangesOnlyItsOwnSettings() {
        Tenant a = platform.createTenant("settings-iso-a", "EUR");
        String keyOfB = owner("settings-iso-b");
        Response ofB = platform.get("/v1/settings", keyOfB);
        TestPlatform.expect(ofB, 200);

        TestPlatform.expect(platform.patch("/v1/settings", keyOfB, etag(ofB), Map.of("legalName", "B Ltd")), 200);
        // B's key names A's tenant: the key is bound to B, so whatever it changes is B's own.
        TestPlatform.buffered(platform.request("/v1/settings", keyOfB).header("BillingNow-Tenant", a.id().toString())
                .header("If-Match", "*").method("PATCH", jakarta.ws.rs.client.Entity.entity(
                        Map.of("legalName", "Hijacked"), "application/merge-patch+json")));

        assertThat(platform.tenant(a.id()).orElseThrow().settings().seller()).isNull();
        assertThat(platform.tenant(a.id()).orElseThrow().version()).isEqualTo(a.version());
    }

    @Test
    void fieldsATenantsConfigFileSetsAreReadOnlyAndTheOthersStayTheBusinesss() {
        Tenant tenant = platform.createTenant("settings-managed", "EUR");
        TenantDefinition file = new TenantDefinition("settings-managed", "Managed GmbH", "DE", "EUR",
                new TenantSettings("RE-{YYYY}-{SEQ:5}", null, null, null, null,
                        new Seller("Managed GmbH", null, "DE1", null)));
        TenantService tenants = new TenantService(new AuditLog(Jackson.newObjectMapper(), Clock.systemUTC()),
                Clock.systemUTC());
        new TenantTransactions(platform.jdbi()).write(tenant.id(), tx -> tenants.applyConfig(tx, file,
                List.of("/name", "/country", "/currency", "/settings/invoiceNumberFormat", "/settings/seller"),
                "tenants-config/settings-managed.yml", SystemCaller.config("settings-managed.yml")));
        String key = platform.apiKey(tenant, Role.OWNER);
        Response first = platform.get("/v1/settings", key);
        JsonNode settings = TestPlatform.expect(first, 200);
        assertThat(settings.get("managedBy").asText()).isEqualTo("tenants-config/settings-managed.yml");
        assertThat(StreamSupport.stream(settings.get("readOnlyFields").spliterator(), false).map(JsonNode::asText))
                .containsExactly("/address", "/currency", "/email", "/invoiceNumberFormat", "/legalName", "/taxId");

        JsonNode refused = TestPlatform.expect(platform.patch("/v1/settings", key, etag(first),
                Map.of("legalName", "Renamed", "paymentTermsDays", 10)), 409);
        assertThat(refused.get("type").asText()).endsWith("tenant-managed-by-config");
        assertThat(pointers(refused)).containsExactly("/legalName");
        assertThat(refused.get("detail").asText()).contains("tenants-config/settings-managed.yml");

        JsonNode sameValue = TestPlatform.expect(platform.patch("/v1/settings", key, etag(first),
                Map.of("legalName", "Managed GmbH", "paymentTermsDays", 10, "language", "de")), 200);
        assertThat(sameValue.get("paymentTermsDays").asInt()).isEqualTo(10);
        assertThat(platform.tenant(tenant.id()).orElseThrow().settings().seller().legalName())
                .isEqualTo("Managed GmbH");
    }
}
