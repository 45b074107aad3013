package io.billingnow.platform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.billingnow.platform.auth.Role;
import io.billingnow.platform.testing.TestPlatform;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tenant B, holding an owner key, calls every tenant endpoint with tenant A's ids. Each must answer exactly as for an
 * id that does not exist (404), and tenant A's data must be untouched afterwards.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class CrossTenantIsolationTest {

    static final TestPlatform platform = new TestPlatform();

    @RegisterExtension
    static final DropwizardAppExtension<?> APP = platform.app();

    static String keyA;
    static String keyB;
    static String customerA;
    static String draftA;
    static String openA;
    static String creditNoteA;
    static String apiKeyIdA;
    static JsonNode snapshotBefore;

    @BeforeAll
    static void tenantAHasData() {
        var a = platform.createTenant("tenant-a", "EUR");
        var b = platform.createTenant("tenant-b", "EUR");
        keyA = platform.apiKey(a, Role.OWNER);
        keyB = platform.apiKey(b, Role.OWNER);
        customerA = platform.postJson("/v1/customers", keyA, Map.of("name", "Secret customer of A"), 201)
                .get("id").asText();
        draftA = platform.postJson("/v1/invoices", keyA, invoice(customerA), 201).get("id").asText();
        openA = platform.postJson("/v1/invoices", keyA, invoice(customerA), 201).get("id").asText();
        platform.postJson("/v1/invoices/" + openA + "/finalize", keyA, Map.of(), 200);
        platform.postJson("/v1/invoices/" + openA + "/payments", keyA,
                Map.of("amount", 100, "currency", "EUR", "method", "cash"), 201);
        creditNoteA = platform.postJson("/v1/invoices/" + openA + "/credit-notes", keyA, Map.of("lines", List.of(
                Map.of("description", "x", "quantity", "1", "unitAmount", 100))), 201).get("id").asText();
        apiKeyIdA = platform.getJson("/v1/api-keys", keyA, 200).get("data").get(0).get("id").asText();
        snapshotBefore = snapshotOfA();
    }

    static Map<String, Object> invoice(String customer) {
        return Map.of("customerId", customer, "lines", List.of(
                Map.of("description", "Work", "quantity", "1", "unitAmount", 10000)));
    }

    static Stream<Arguments> endpoints() {
        Map<String, Object> customerBody = Map.of("name", "Hijacked");
        Map<String, Object> payment = Map.of("amount", 1, "currency", "EUR", "method", "cash");
        Map<String, Object> credit = Map.of("lines", List.of(Map.of("description", "x", "quantity", "1",
                "unitAmount", 1)));
        return Stream.of(
                call("GET customer", c -> c.get("/v1/customers/" + customerA, keyB)),
                call("PATCH customer", c -> c.request("/v1/customers/" + customerA, keyB).header("If-Match", "W/\"1\"")
                        .method("PATCH", Entity.entity(customerBody, "application/merge-patch+json"))),
                call("GET credit balance", c -> c.get("/v1/customers/" + customerA + "/credit-balance", keyB)),
                call("POST invoice for A's customer", c -> c.post("/v1/invoices", keyB, invoice(customerA))),
                call("GET invoice", c -> c.get("/v1/invoices/" + openA, keyB)),
                call("PATCH draft", c -> c.request("/v1/invoices/" + draftA, keyB).header("If-Match", "W/\"1\"")
                        .method("PATCH", Entity.entity(invoice(customerA), "application/merge-patch+json"))),
                call("DELETE draft", c -> c.request("/v1/invoices/" + draftA, keyB).delete()),
                call("finalize", c -> c.post("/v1/invoices/" + draftA + "/finalize", keyB, Map.of())),
                call("void", c -> c.post("/v1/invoices/" + openA + "/void", keyB, Map.of())),
                call("mark uncollectible", c -> c.post("/v1/invoices/" + openA + "/mark-uncollectible", keyB, Map.of())),
                call("POST payment", c -> c.post("/v1/invoices/" + openA + "/payments", keyB, payment)),
                call("GET payments", c -> c.get("/v1/invoices/" + openA + "/payments", keyB)),
                call("POST credit note", c -> c.post("/v1/invoices/" + openA + "/credit-notes", keyB, credit)),
                call("GET credit notes", c -> c.get("/v1/invoices/" + openA + "/credit-notes", keyB)),
                call("GET credit note", c -> c.get("/v1/credit-notes/" + creditNoteA, keyB)),
                call("DELETE api key", c -> c.request("/v1/api-keys/" + apiKeyIdA, keyB).delete()));
    }

    static Arguments call(String name, Function<TestPlatform, Response> request) {
        return Arguments.of(name, request);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void tenantBGetsNotFoundForTenantAIds(String name, Function<TestPlatform, Response> request) {
        Response response = request.apply(platform);
        String body = response.readEntity(String.class);
        assertThat(response.getStatus()).as(name + ": " + body).isEqualTo(404);
        assertThat(body).doesNotContain("Secret customer of A").doesNotContain(customerA);
        assertThat(snapshotOfA()).as("tenant A's data after " + name).isEqualTo(snapshotBefore);
    }

    @Test
    void listsOfTenantBNeverShowTenantAData() {
        assertThat(platform.getJson("/v1/customers", keyB, 200).get("data")).isEmpty();
        assertThat(platform.getJson("/v1/invoices", keyB, 200).get("data")).isEmpty();
        assertThat(platform.getJson("/v1/invoices?customerId=" + customerA, keyB, 200).get("data")).isEmpty();
    }

    private static JsonNode snapshotOfA() {
        var node = platform.getJson("/v1/customers/" + customerA, keyA, 200);
        var out = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        out.set("customer", node);
        out.set("draft", platform.getJson("/v1/invoices/" + draftA, keyA, 200));
        out.set("open", platform.getJson("/v1/invoices/" + openA, keyA, 200));
        out.set("payments", platform.getJson("/v1/invoices/" + openA + "/payments", keyA, 200));
        out.set("creditNotes", platform.getJson("/v1/invoices/" + openA + "/credit-notes", keyA, 200));
        out.set("keys", platform.getJson("/v1/api-keys", keyA, 200));
        return out;
    }
}
