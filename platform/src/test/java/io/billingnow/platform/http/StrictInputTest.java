package io.billingnow.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.billingnow.platform.identity.auth.Role;
import io.billingnow.platform.testing.RawHttp;
import io.billingnow.platform.testing.TestPlatform;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Input is strict everywhere, through real HTTP: no coercion of JSON scalars, malformed parameters are 400s with a
 * pointer, unknown query parameters are refused like unknown fields, and every refusal, Jetty's own included, is a
 * problem document with a request id.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class StrictInputTest {

    static final TestPlatform platform = new TestPlatform();

    @RegisterExtension
    static final DropwizardAppExtension<?> APP = platform.app();

    static String key;
    static String customerId;

    @BeforeAll
    static void tenant() {
        var tenant = platform.createTenant("strict-input", "EUR");
        key = platform.apiKey(tenant, Role.OWNER);
        customerId = platform.postJson("/v1/customers", key, Map.of("name", "C"), 201).get("id").asText();
    }

    /** Asserts a 400 problem with a request id whose (first) pointer is the one given. */
    static JsonNode badRequest(HttpResponse<String> response, String pointer) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(Problem.MEDIA_TYPE);
        JsonNode problem = TestPlatform.parse(response.body());
        assertThat(problem.get("requestId").asText()).isEqualTo(response.headers().firstValue("Request-Id").orElseThrow());
        assertThat(problem.at("/errors/0/pointer").asText()).isEqualTo(pointer);
        return problem;
    }

    static HttpResponse<String> post(String path, String json) {
        return RawHttp.post(platform, path, key, json);
    }

    @Test
    void numbersAndBooleansAreNotStrings() {
        String operator = platform.operatorToken(false);
        for (String slug : List.of("true", "1e400", "12")) {
            // A tenant definition is read by its one binding (TenantDefinition), which answers every problem as 422.
            HttpResponse<String> refused = RawHttp.post(platform, "/admin/v1/tenants", operator,
                    "{\"slug\":" + slug + ",\"name\":\"N\",\"country\":\"DE\",\"currency\":\"EUR\"}");
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
            assertThat(TestPlatform.parse(refused.body()).at("/errors/0/pointer").asText()).isEqualTo("/slug");
        }
        badRequest(post("/v1/customers", "{\"name\":false}"), "/name");
        badRequest(post("/v1/customers", "{\"name\":42}"), "/name");
    }

    @Test
    void integersAreNotDatesAndStringsAreNotNumbers() {
        badRequest(post("/v1/invoices", "{\"customerId\":\"" + customerId + "\",\"issueDate\":20260101}"),
                "/issueDate");
        String invoice = platform.postJson("/v1/invoices", key, Map.of("customerId", customerId, "lines",
                List.of(Map.of("description", "x", "quantity", "1", "unitAmount", 100))), 201).get("id").asText();
        platform.postJson("/v1/invoices/" + invoice + "/finalize", key, Map.of(), 200);
        String payments = "/v1/invoices/" + invoice + "/payments";
        badRequest(post(payments, "{\"amount\":100,\"currency\":\"EUR\",\"method\":\"cash\",\"receivedAt\":1767225600}"),
                "/receivedAt");
        badRequest(post(payments, "{\"amount\":\"100\",\"currency\":\"EUR\",\"method\":\"cash\"}"), "/amount");
        badRequest(post(payments, "{\"amount\":true,\"currency\":\"EUR\",\"method\":\"cash\"}"), "/amount");
    }

    @Test
    void anEmptyStringIsNotNull() {
        badRequest(post("/v1/invoices", "{\"customerId\":\"\"}"), "/customerId");
        badRequest(post("/v1/invoices", "{\"customerId\":\"" + customerId + "\",\"issueDate\":\"\"}"), "/issueDate");
    }

    @Test
    void malformedPathIdsAndQueryParametersAre400sWithAPointer() {
        badRequest(RawHttp.get(platform, "/v1/customers/not-a-uuid", key), "/id");
        badRequest(RawHttp.get(platform, "/v1/invoices?limit=abc", key), "/limit");
        badRequest(RawHttp.get(platform, "/v1/invoices?customerId=not-a-uuid", key), "/customerId");
    }

    @Test
    void queryValuesNoDatabaseColumnHoldsAre400sNot500s() {
        badRequest(RawHttp.get(platform, "/v1/invoices?createdFrom=%2B100000-01-01", key), "/createdFrom");
        java.nio.ByteBuffer forged = java.nio.ByteBuffer.allocate(28).putLong(1_000_000_000_000_000L).putInt(0)
                .putLong(0).putLong(0);
        String cursor = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(forged.array());
        badRequest(RawHttp.get(platform, "/v1/invoices?cursor=" + cursor, key), "/cursor");
    }

    @Test
    void unknownRepeatedOrControlCharacterQueryParametersAreRefused() {
        badRequest(RawHttp.get(platform, "/v1/invoices?stauts=paid", key), "/stauts");
        badRequest(RawHttp.get(platform, "/v1/invoices?status=paid&status=open", key), "/status");
        badRequest(RawHttp.get(platform, "/v1/customers?email=a%00b", key), "/email");
        assertThat(RawHttp.get(platform, "/v1/invoices?status=paid&limit=10", key).statusCode()).isEqualTo(200);
    }

    @Test
    void aNulInThePathIsAProblemDocumentNotJettysHtml() throws IOException {
        String response = raw("GET /v1/customers/%00 HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + key
                + "\r\nConnection: close\r\n\r\n");
        assertProblem(response, 400);
    }

    @Test
    void aHeaderJettysParserRefusesIsAProblemDocument() throws IOException {
        String response = raw("GET /v1/customers HTTP/1.1\r\nHost: localhost\r\nX-Bad: a\rb\r\n"
                + "Connection: close\r\n\r\n");
        assertProblem(response, 400);
    }

    @Test
    void headersTooLargeForJettyAreAProblemDocumentOfTheirType() throws IOException {
        String response = raw("GET /v1/customers HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(20_000)
                + "\r\nConnection: close\r\n\r\n");
        assertProblem(response, 431);
        assertThat(response).contains("https://billingnow.io/problems/request-header-fields-too-large");
    }

    @Test
    void anOversizedBodyGetsItsTypedProblemNotAConnectionReset() throws Exception {
        // The default limit is 1 MiB; a 2 MB upload must read the 413 instead of seeing the connection reset.
        String big = "{\"name\":\"" + "x".repeat(2_000_000) + "\"}";
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(platform.url("/v1/customers")))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(big)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        JsonNode problem = TestPlatform.parse(response.body());
        assertThat(problem.get("type").asText()).isEqualTo("https://billingnow.io/problems/content-too-large");
        assertThat(problem.get("requestId").asText())
                .isEqualTo(response.headers().firstValue("Request-Id").orElseThrow());
    }

    @Test
    void tooDeepJsonGetsItsTypedProblemWithARequestId() {
        // The one request type that reads free-form JSON deeply: a tenant's seller details (admin API).
        String deep = "{\"a\":".repeat(100) + "1" + "}".repeat(100);
        HttpResponse<String> response = RawHttp.post(platform, "/admin/v1/tenants", platform.operatorToken(false),
                "{\"slug\":\"deep\",\"name\":\"N\",\"country\":\"DE\",\"currency\":\"EUR\","
                        + "\"settings\":{\"seller\":" + deep + "}}");
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = TestPlatform.parse(response.body());
        assertThat(problem.get("type").asText()).isEqualTo("https://billingnow.io/problems/request-too-complex");
        assertThat(problem.get("requestId").asText())
                .isEqualTo(response.headers().firstValue("Request-Id").orElseThrow());
    }

    @Test
    void storedDataThatCannotBeReadIsA500NotTheClientsFault() throws SQLException {
        String invoice = platform.postJson("/v1/invoices", key, Map.of("customerId", customerId, "lines",
                List.of(Map.of("description", "x", "quantity", "1", "unitAmount", 100))), 201).get("id").asText();
        try (var c = platform.database().superuserConnection();
             var ps = c.prepareStatement("UPDATE invoice_lines SET quantity = 'NaN' WHERE invoice_id = ?::uuid")) {
            ps.setString(1, invoice);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        HttpResponse<String> response = RawHttp.get(platform, "/v1/invoices/" + invoice, key);
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(TestPlatform.parse(response.body()).get("type").asText()).endsWith("/server-error");
    }

    private static void assertProblem(String rawResponse, int status) {
        assertThat(rawResponse).startsWith("HTTP/1.1 " + status);
        String head = rawResponse.substring(0, rawResponse.indexOf("\r\n\r\n")).toLowerCase(java.util.Locale.ROOT);
        assertThat(head).contains("content-type: application/problem+json");
        String requestId = head.lines().filter(l -> l.startsWith("request-id:")).findFirst().orElseThrow()
                .substring("request-id:".length()).trim();
        JsonNode problem = TestPlatform.parse(rawResponse.substring(rawResponse.indexOf("\r\n\r\n") + 4));
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("requestId").asText()).isEqualTo(requestId);
        assertThat(problem.get("type").asText()).startsWith("https://billingnow.io/problems/");
    }

    /** A request written byte for byte: HTTP clients normalise or refuse the URLs and headers these tests need. */
    private static String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", APP.getLocalPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int read;
            try {
                while ((read = in.read(buffer)) != -1) {
                    response.write(buffer, 0, read);
                }
            } catch (java.net.SocketTimeoutException e) {
                // keep what arrived
            }
            return response.toString(StandardCharsets.UTF_8);
        }
    }
}
