package io.billingnow.platform.protection.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.billingnow.platform.identity.auth.Role;
import io.billingnow.platform.tenancy.Tenant;
import io.billingnow.platform.testing.RawHttp;
import io.billingnow.platform.testing.TestPlatform;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code GET /admin/v1/security/events}: every security event, platform and tenant ones alike, filtered by kind, time,
 * tenant and address, page by page with the API's cursors; auditors may read it, tenant credentials may not.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SecurityEventsListingTest {

    static final TestPlatform platform = new TestPlatform();

    @RegisterExtension
    static final DropwizardAppExtension<?> APP = platform.app();

    @Test
    void anUnknownCredentialAndATenantsPermissionDenialAreBothListedAndFilterable() {
        Instant before = Instant.now().minusSeconds(1);
        String forged = "bnk_" + "E".repeat(43);
        Tenant tenant = platform.createTenant("listed-denial", "EUR");
        String viewer = platform.apiKey(tenant, Role.VIEWER);
        assertThat(RawHttp.get(platform, "/v1/customers", forged).statusCode()).isEqualTo(401);
        assertThat(RawHttp.post(platform, "/v1/customers", viewer, "{\"name\":\"Nope\"}").statusCode()).isEqualTo(403);
        String auditor = platform.operatorToken(true);

        JsonNode failures = platform.getJson("/admin/v1/security/events?kind=authentication_failed&since="
                + before, auditor, 200);
        JsonNode denials = platform.getJson("/admin/v1/security/events?tenant=" + tenant.id(), auditor, 200);
        JsonNode fromHere = platform.getJson("/admin/v1/security/events?address=127.0.0.1&since=" + before,
                auditor, 200);
        JsonNode beforeAll = platform.getJson("/admin/v1/security/events?until=" + before, auditor, 200);

        assertThat(failures.get("data")).anySatisfy(e -> {
            assertThat(e.get("subject").asText()).isEqualTo("credential:" + Fingerprints.of(forged));
            assertThat(e.get("address").asText()).isEqualTo("127.0.0.1");
            assertThat(e.get("routeClass").asText()).isEqualTo("api");
        }).allSatisfy(e -> assertThat(e.get("kind").asText()).isEqualTo("authentication_failed"));
        assertThat(denials.get("data")).hasSize(1).allSatisfy(e -> {
            assertThat(e.get("kind").asText()).isEqualTo("permission_denied");
            assertThat(e.get("tenantId").asText()).isEqualTo(tenant.id().toString());
            assertThat(e.get("subject").asText()).startsWith("api_key:");
        });
        assertThat(kinds(fromHere)).contains("authentication_failed", "permission_denied");
        assertThat(beforeAll.get("data")).isEmpty();
        assertThat(failures.toString()).doesNotContain("EEEE");
    }

    @Test
    void aCursorWalksEveryEventOnceInOrder() {
        for (int i = 0; i < 5; i++) {
            RawHttp.get(platform, "/v1/invoices", "bnk_" + Integer.toString(i).repeat(43));
        }
        String auditor = platform.operatorToken(true);
        JsonNode all = platform.getJson("/admin/v1/security/events?limit=200", auditor, 200);

        List<String> walked = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = platform.getJson("/admin/v1/security/events?limit=2"
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)),
                    auditor, 200);
            assertThat(page.get("data").size()).isLessThanOrEqualTo(2);
            page.get("data").forEach(e -> walked.add(e.get("id").asText()));
            cursor = page.path("nextCursor").isTextual() ? page.get("nextCursor").asText() : null;
        } while (cursor != null);

        List<String> ids = new ArrayList<>();
        all.get("data").forEach(e -> ids.add(e.get("id").asText()));
        assertThat(ids).hasSizeGreaterThanOrEqualTo(5);
        assertThat(walked).containsExactlyElementsOf(ids);
    }

    @Test
    void aTenantApiKeyCannotListSecurityEvents() {
        Tenant tenant = platform.createTenant("events-not-for-tenants", "EUR");
        String owner = platform.apiKey(tenant, Role.OWNER);

        assertThat(RawHttp.get(platform, "/admin/v1/security/events", owner).statusCode()).isEqualTo(401);
        assertThat(RawHttp.get(platform, "/admin/v1/security/events", null).statusCode()).isEqualTo(401);
    }

    @Test
    void badFiltersAreRefusedWithAPointerToTheField() {
        String auditor = platform.operatorToken(true);

        JsonNode kind = platform.getJson("/admin/v1/security/events?kind=nonsense", auditor, 400);
        JsonNode since = platform.getJson("/admin/v1/security/events?since=yesterday", auditor, 400);
        JsonNode tenant = platform.getJson("/admin/v1/security/events?tenant=acme", auditor, 400);
        JsonNode cursor = platform.getJson("/admin/v1/security/events?cursor=nope", auditor, 400);

        assertThat(kind.toString()).contains("/kind");
        assertThat(since.toString()).contains("/since");
        assertThat(tenant.toString()).contains("/tenant");
        assertThat(cursor.toString()).contains("/cursor");
    }

    private static List<String> kinds(JsonNode page) {
        List<String> kinds = new ArrayList<>();
        page.get("data").forEach(e -> kinds.add(e.get("kind").asText()));
        return kinds;
    }
}
