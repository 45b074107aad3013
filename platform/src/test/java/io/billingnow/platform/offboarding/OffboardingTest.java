package io.billingnow.platform.offboarding;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.billingnow.platform.identity.auth.Role;
import io.billingnow.platform.core.tx.TenantTransactions;
import io.billingnow.platform.tenancy.Tenant;
import io.billingnow.platform.testing.TestPlatform;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Offboarding over real HTTP: it takes If-Match and the slug typed out, an export of the tenant's records comes
 * first, and afterwards the issued documents are retained while the personal data no retention rule needs is gone.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class OffboardingTest {

    static final TestPlatform platform = new TestPlatform();

    @RegisterExtension
    static final DropwizardAppExtension<?> APP = platform.app();

    static String operator;

    @BeforeAll
    static void anOperator() {
        operator = platform.operatorToken(false);
    }

    record Business(Tenant tenant, String key, String customer, String loneCustomer, String issued, String draft) {
    }

    /** A tenant with an issued, partly paid and credited invoice, a draft, a customer without invoices, an invite. */
    static Business aBusiness(String slug) {
        Tenant tenant = platform.createTenant(slug, "EUR");
        String key = platform.apiKey(tenant, Role.OWNER);
        String customer = platform.postJson("/v1/customers", key, Map.of("name", "Erika Mustermann",
                "email", "erika@" + slug + ".example", "address", Map.of("line1", "Heidestr. 17", "city", "Köln",
                        "postalCode", "51147", "country", "DE"), "country", "DE"), 201).get("id").asText();
        String lone = platform.postJson("/v1/customers", key, Map.of("name", "Max Nobuy",
                "email", "max@" + slug + ".example"), 201).get("id").asText();
        Map<String, Object> invoice = Map.of("customerId", customer, "lines", List.of(
                Map.of("description", "Consulting", "quantity", "2", "unitAmount", 5000)));
        String issued = platform.postJson("/v1/invoices", key, invoice, 201).get("id").asText();
        platform.postJson("/v1/invoices/" + issued + "/finalize", key, Map.of(), 200);
        platform.postJson("/v1/invoices/" + issued + "/payments", key,
                Map.of("amount", 3000, "currency", "EUR", "method", "bank_transfer"), 201);
        platform.postJson("/v1/invoices/" + issued + "/credit-notes", key, Map.of("lines", List.of(
                Map.of("description", "Goodwill", "quantity", "1", "unitAmount", 1000))), 201);
        String draft = platform.postJson("/v1/invoices", key, invoice, 201).get("id").asText();
        platform.postJson("/v1/members/invitations", key, Map.of("email", "new-hire@" + slug + ".example",
                "role", "viewer"), 201);
        return new Business(tenant, key, customer, lone, issued, draft);
    }

    static Response offboard(Tenant tenant, String ifMatch, Object body) {
        var request = platform.request("/admin/v1/tenants/" + tenant.id() + "/offboard", operator);
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return TestPlatform.buffered(request.post(Entity.json(body)));
    }

    static String etag(Tenant tenant) {
        return platform.get("/admin/v1/tenants/" + tenant.id(), operator).getHeaderString("ETag");
    }

    @Test
    void offboardingWithoutIfMatchOrTheTypedSlugIsRefusedAndChangesNothing() {
        Business business = aBusiness("careful-gmbh");
        Map<String, String> confirmed = Map.of("confirm", "careful-gmbh");

        assertThat(offboard(business.tenant(), null, confirmed).getStatus()).isEqualTo(428);
        assertThat(offboard(business.tenant(), "W/\"999\"", confirmed).getStatus()).isEqualTo(412);
        Response wrongSlug = offboard(business.tenant(), etag(business.tenant()), Map.of("confirm", "other-gmbh"));
        assertThat(wrongSlug.getStatus()).isEqualTo(400);
        JsonNode problem = TestPlatform.parse(wrongSlug.readEntity(String.class));
        assertThat(problem.get("errors").get(0).get("pointer").asText()).isEqualTo("/confirm");
        assertThat(problem.toString()).contains("/export");
        assertThat(offboard(business.tenant(), etag(business.tenant()), Map.of()).getStatus()).isEqualTo(400);

        assertThat(platform.getJson("/admin/v1/tenants/" + business.tenant().id(), operator, 200)
                .get("status").asText()).isEqualTo("active");
        assertThat(platform.get("/v1/customers/" + business.customer(), business.key()).getStatus()).isEqualTo(200);
    }

    @Test
    void anOperatorExportsCustomersInvoicesWithLinesCreditNotesPaymentsAndTheAuditTrailAndTheExportIsAudited() {
        Business business = aBusiness("export-ag");
        aBusiness("neighbour-ag");

        Response response = platform.get("/admin/v1/tenants/" + business.tenant().id() + "/export", operator);
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeaderString("Content-Disposition")).contains("export-ag-export.json");
        String body = response.readEntity(String.class);
        JsonNode export = TestPlatform.parse(body);

        assertThat(export.get("format").asText()).isEqualTo(TenantExport.FORMAT);
        assertThat(export.get("tenant").get("slug").asText()).isEqualTo("export-ag");
        assertThat(values(export.get("customers"), "name")).containsExactlyInAnyOrder("Erika Mustermann", "Max Nobuy");
        JsonNode issued = byId(export.get("invoices"), business.issued());
        assertThat(issued.get("number").isNull()).isFalse();
        assertThat(issued.get("lines").get(0).get("description").asText()).isEqualTo("Consulting");
        assertThat(issued.get("payments").get(0).get("amount").asLong()).isEqualTo(3000);
        assertThat(issued.get("creditNotes").get(0).get("total").asLong()).isPositive();
        assertThat(byId(export.get("invoices"), business.draft()).get("status").asText()).isEqualTo("draft");
        assertThat(values(export.get("auditLog"), "action")).contains("customer.created", "invoice.finalized",
                "tenant.exported");
        assertThat(body).doesNotContain("neighbour-ag");

        assertThat(platform.get("/admin/v1/tenants/" + business.tenant().id() + "/export",
                platform.operatorToken(true)).getStatus()).isEqualTo(403);
        assertThat(platform.get("/admin/v1/tenants/" + business.tenant().id() + "/export", business.key())
                .getStatus()).isEqualTo(401);
    }

    @Test
    void offboardingKeepsTheIssuedDocumentsAndErasesThePersonalDataNoRetentionRuleNeeds() {
        Business business = aBusiness("leaving-kg");
        Response offboarded = offboard(business.tenant(), etag(business.tenant()), Map.of("confirm", "leaving-kg"));
        assertThat(offboarded.getStatus()).isEqualTo(200);
        assertThat(TestPlatform.parse(offboarded.readEntity(String.class)).get("status").asText())
                .isEqualTo("offboarded");

        Map<String, Object> after = new TenantTransactions(platform.jdbi()).read(business.tenant().id(), tx -> {
            var h = tx.handle();
            return Map.of(
                    "customers", h.createQuery("SELECT name || '|' || coalesce(email, '-') || '|' "
                            + "|| coalesce(address::text, '-') FROM customers").mapTo(String.class).list(),
                    "invoices", h.createQuery("SELECT status || '|' || coalesce(customer_snapshot::text, '-') "
                            + "FROM invoices").mapTo(String.class).list(),
                    "payments", h.createQuery("SELECT count(*) FROM payments").mapTo(Long.class).one(),
                    "creditNotes", h.createQuery("SELECT count(*) FROM credit_notes").mapTo(Long.class).one(),
                    "invitations", h.createQuery("SELECT count(*) FROM invitations").mapTo(Long.class).one(),
                    "memberships", h.createQuery("SELECT count(*) FROM memberships").mapTo(Long.class).one());
        });
        assertThat(after.get("customers")).isEqualTo(List.of("Erika Mustermann|-|-"));
        @SuppressWarnings("unchecked")
        List<String> invoices = (List<String>) after.get("invoices");
        assertThat(invoices).hasSize(1);
        assertThat(invoices.get(0)).doesNotStartWith("draft").contains("Erika Mustermann").contains("Heidestr. 17");
        assertThat(after).containsEntry("payments", 1L).containsEntry("creditNotes", 1L)
                .containsEntry("invitations", 0L).containsEntry("memberships", 0L);

        // The retained documents can still be exported by an operator; the tenant itself is gone.
        JsonNode export = TestPlatform.parse(platform.get("/admin/v1/tenants/" + business.tenant().id()
                + "/export", operator).readEntity(String.class));
        assertThat(byId(export.get("invoices"), business.issued()).get("lines")).hasSize(1);
        assertThat(export.get("customers").get(0).get("email").isNull()).isTrue();
        assertThat(platform.get("/v1/customers", business.key()).getStatus()).isEqualTo(401);
    }

    private static List<String> values(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.get(field).asText()));
        return values;
    }

    private static JsonNode byId(JsonNode array, String id) {
        for (JsonNode node : array) {
            if (node.get("id").asText().equals(id)) {
                return node;
            }
        }
        throw new AssertionError("no " + id + " in " + array);
    }
}
