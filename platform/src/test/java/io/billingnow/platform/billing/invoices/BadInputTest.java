package io.billingnow.platform.billing.invoices;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.billingnow.platform.identity.auth.Role;
import io.billingnow.platform.testing.TestPlatform;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Hostile and malformed requests: each gets a clear 4xx problem response, and nothing is written. */
@ExtendWith(DropwizardExtensionsSupport.class)
class BadInputTest {

    static final TestPlatform platform = new TestPlatform();

    @RegisterExtension
    static final DropwizardAppExtension<?> APP = platform.app();

    static String key;
    static String customerId;

    @BeforeAll
    static void tenant() {
        var tenant = platform.createTenant("bad-input", "EUR");
        key = platform.apiKey(tenant, Role.OWNER);
        customerId = platform.postJson("/v1/customers", key, Map.of("name", "C"), 201).get("id").asText();
    }

    static String invoiceWith(String lineJson) {
        return "{\"customerId\":\"%s\",\"lines\":[%s]}".formatted(customerId, lineJson);
    }

    static Stream<Arguments> badInvoices() {
        return Stream.of(
                Arguments.of("malformed JSON", "{\"customerId\": ", "/"),
                Arguments.of("unknown field", invoiceWith(
                        "{\"description\":\"x\",\"quantity\":\"1\",\"unitAmount\":1,\"colour\":\"red\"}"), "/lines/0/colour"),
                Arguments.of("wrong type", invoiceWith(
                        "{\"description\":\"x\",\"quantity\":\"1\",\"unitAmount\":\"lots\"}"), "/lines/0/unitAmount"),
                Arguments.of("fractional minor units", invoiceWith(
                        "{\"description\":\"x\",\"quantity\":\"1\",\"unitAmount\":10.5}"), "/lines/0/unitAmount"),
                Arguments.of("negative quantity", invoiceWith(
                        "{\"description\":\"x\",\"quantity\":\"-1\",\"unitAmount\":100}"), "/lines/0/quantity"),
                Arguments.of("zero quantity", invoiceWith(
                        "{\"description\":\"x\",\"quantity\":\"0\",\"unitAmount\":100}"), "/lines/0/quantity"),
                Arguments.of("absurd quantity", invoiceWith(
                        "{\"description\":\"x\",\"quantity\":\"1e30\",\"unitAmount\":100}"), "/lines/0/quantity"),
                Arguments.of("negative price", invoiceWith(
                        "{\"description\":\"x\",\"quantity\":\"1\",\"unitAmount\":-100}"), "/lines/0/unitAmount"),
                Arguments.of("64-bit overflow", invoiceWith(
                        "{\"description\":\"x\",\"quantity\":\"1000\",\"unitAmount\":9223372036854775807}"), null),
                Arguments.of("beyond 64 bits", invoiceWith(
                        "{\"description\":\"x\",\"quantity\":\"1\",\"unitAmount\":92233720368547758070}"), "/lines/0/unitAmount"),
                Arguments.of("unknown currency", "{\"customerId\":\"%s\",\"currency\":\"XYZ\",\"lines\":[]}"
                        .formatted(customerId), "/currency"),
                Arguments.of("unknown tax category", invoiceWith("""
                        {"description":"x","quantity":"1","unitAmount":1,
                         "taxRates":[{"name":"t","category":"Q","percent":5}]}"""), "/lines/0/taxRates/0/category"),
                Arguments.of("tax over 100 percent", invoiceWith("""
                        {"description":"x","quantity":"1","unitAmount":1,
                         "taxRates":[{"name":"t","category":"S","percent":150}]}"""), "/lines/0/taxRates/0/percent"),
                Arguments.of("discount larger than line", invoiceWith("""
                        {"description":"x","quantity":"1","unitAmount":100,
                         "discount":{"type":"amount","amount":500}}"""), null),
                Arguments.of("over-long description", invoiceWith(
                        "{\"description\":\"" + "x".repeat(600) + "\",\"quantity\":\"1\",\"unitAmount\":1}"),
                        "/lines/0/description"),
                Arguments.of("missing customer", "{\"lines\":[]}", "/customerId"),
                Arguments.of("trailing garbage", invoiceWith(
                        "{\"description\":\"x\",\"quantity\":\"1\",\"unitAmount\":1}") + " {}", "/"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInvoices")
    void aBadInvoiceIsRefusedWithAProblemAndNothingIsWritten(String name, String body, String pointer)
            throws SQLException {
        long before = count("invoices");
        Response response = platform.request("/v1/invoices", key).post(Entity.entity(body, MediaType.APPLICATION_JSON));
        String text = response.readEntity(String.class);
        assertThat(response.getStatus()).as(name + ": " + text).isBetween(400, 499);
        assertThat(response.getMediaType().toString()).isEqualTo("application/problem+json");
        JsonNode problem = TestPlatform.parse(text);
        assertThat(problem.get("type").asText()).startsWith("https://billingnow.io/problems/");
        assertThat(problem.get("requestId").asText()).isNotEmpty();
        if (pointer != null && !pointer.equals("/")) {
            assertThat(problem.get("errors")).as(name + ": " + text)
                    .anySatisfy(e -> assertThat(e.get("pointer").asText()).isEqualTo(pointer));
        }
        assertThat(count("invoices")).isEqualTo(before);
    }

    @Test
    void invalidUtf8IsRefused() throws SQLException {
        long before = count("customers");
        byte[] body = "{\"name\":\"\u0000\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        body[9] = (byte) 0xC3;
        body[10] = (byte) 0x28;
        Response response = platform.request("/v1/customers", key)
                .post(Entity.entity(body, MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")));
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(count("customers")).isEqualTo(before);
    }

    @Test
    void aStringWithACodePointThePostgresTextTypeRefusesIsA400() throws SQLException {
        long before = count("customers");
        Response response = platform.post("/v1/customers", key, Map.of("name", "nul\u0000byte"));
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(count("customers")).isEqualTo(before);
    }

    @Test
    void unknownAndForeignIdsAre404() {
        platform.getJson("/v1/invoices/00000000-0000-0000-0000-000000000000", key, 404);
        // Not an id at all is the request's mistake, not a missing resource (StrictInputTest has the rest).
        platform.getJson("/v1/invoices/not-a-uuid", key, 400);
        platform.postJson("/v1/invoices", key, Map.of("customerId", "00000000-0000-0000-0000-000000000001"), 404);
    }

    @Test
    void aPaymentIsValidatedBeforeAnythingIsWritten() throws SQLException {
        String id = platform.postJson("/v1/invoices", key, Map.of("customerId", customerId, "lines", List.of(
                Map.of("description", "x", "quantity", "1", "unitAmount", 100))), 201).get("id").asText();
        platform.postJson("/v1/invoices/" + id + "/payments", key,
                Map.of("amount", 100, "currency", "EUR", "method", "cash"), 409);
        platform.postJson("/v1/invoices/" + id + "/finalize", key, Map.of(), 200);
        long before = count("payments");
        platform.postJson("/v1/invoices/" + id + "/payments", key,
                Map.of("amount", -5, "currency", "EUR", "method", "cash"), 400);
        platform.postJson("/v1/invoices/" + id + "/payments", key,
                Map.of("amount", 5, "currency", "EUR", "method", "teleport"), 400);
        platform.postJson("/v1/invoices/" + id + "/payments", key,
                Map.of("amount", 5, "currency", "JPY", "method", "cash"), 422);
        assertThat(count("payments")).isEqualTo(before);
    }

    private static long count(String table) throws SQLException {
        try (Connection c = platform.database().superuserConnection(); var s = c.createStatement();
             var rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
