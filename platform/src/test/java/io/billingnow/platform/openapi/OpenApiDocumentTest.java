package io.billingnow.platform.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.billingnow.platform.testing.TestPlatform;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

@ExtendWith(DropwizardExtensionsSupport.class)
class OpenApiDocumentTest {

    static final TestPlatform platform = new TestPlatform();

    @RegisterExtension
    static final DropwizardAppExtension<?> APP = platform.app();

    private static final ObjectMapper JSON = Jackson.newObjectMapper();
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "options", "head",
            "patch", "trace");
    private static String body;
    private static JsonNode document;

    @BeforeAll
    static void fetchWithoutCredentials() throws Exception {
        Response response = platform.get("/v1/openapi.json", null);
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getMediaType().toString()).startsWith("application/json");
        body = response.readEntity(String.class);
        document = JSON.readTree(body);
    }

    @Test
    void isAnOpenApi31DocumentAboutThisServer() {
        assertThat(document.path("openapi").asText()).startsWith("3.1.");
        assertThat(document.path("info").path("title").asText()).isEqualTo("BillingNow API");
        assertThat(document.path("info").path("version").asText()).isNotBlank();
        assertThat(document.path("servers").path(0).path("url").asText()).isEqualTo("https://billingnow.test");
    }

    @Test
    void describesTheTenantAndAdminEndpoints() {
        JsonNode paths = document.path("paths");
        assertThat(paths.has("/v1/api-keys")).isTrue();
        assertThat(paths.has("/v1/api-keys/{id}")).isTrue();
        assertThat(paths.has("/admin/v1/tenants")).isTrue();
        assertThat(paths.path("/admin/v1/tenants/{id}").has("patch")).isTrue();
        assertThat(paths.path("/admin/v1/tenants/{id}").path("patch").path("requestBody").path("content")
                .has("application/merge-patch+json")).isTrue();
        assertThat(paths.has("/v1/openapi.json")).isTrue();
    }

    @Test
    void declaresTheBearerSchemesAndWhichOperationNeedsWhich() {
        JsonNode schemes = document.path("components").path("securitySchemes");
        assertThat(schemes.path("apiKey").path("type").asText()).isEqualTo("http");
        assertThat(schemes.path("apiKey").path("scheme").asText()).isEqualTo("bearer");
        assertThat(schemes.path("operatorToken").path("scheme").asText()).isEqualTo("bearer");

        JsonNode paths = document.path("paths");
        assertThat(paths.path("/v1/api-keys").path("post").path("security").path(0).has("apiKey")).isTrue();
        assertThat(paths.path("/admin/v1/tenants").path("get").path("security").path(0).has("operatorToken"))
                .isTrue();
        assertThat(paths.path("/v1/openapi.json").path("get").has("security")).isFalse();
    }

    @Test
    void errorsAreDescribedAsProblemDocuments() {
        JsonNode problem = document.path("components").path("schemas").path("Problem");
        assertThat(problem.path("properties").has("type")).isTrue();
        assertThat(problem.path("properties").path("requestId").path("type").asText()).isEqualTo("string");
        assertThat(problem.path("properties").path("status").path("type").asText()).isEqualTo("integer");
        assertThat(problem.path("properties").has("errors")).isTrue();
        JsonNode fallback = document.path("paths").path("/v1/api-keys").path("post").path("responses")
                .path("default").path("content").path("application/problem+json").path("schema");
        assertThat(fallback.path("$ref").asText()).isEqualTo("#/components/schemas/Problem");
    }

    @Test
    void successResponsesKeepTheirSchemaBesideTheProblemFallback() {
        JsonNode responses = document.path("paths").path("/admin/v1/tenants/{id}").path("get").path("responses");
        assertThat(responses.path("200").path("content").path("application/json").path("schema").path("$ref")
                .asText()).isEqualTo("#/components/schemas/Tenant");
        assertThat(responses.path("200").path("headers").has("Request-Id")).isTrue();
        assertThat(responses.has("default")).isTrue();
    }

    @Test
    void tenantPostsAdvertiseTheIdempotencyKeyHeader() {
        JsonNode parameters = document.path("paths").path("/v1/api-keys").path("post").path("parameters");
        assertThat(parameters.findValuesAsText("$ref")).contains("#/components/parameters/IdempotencyKey");
        assertThat(document.path("components").path("parameters").path("IdempotencyKey").path("name").asText())
                .isEqualTo("Idempotency-Key");
    }

    @Test
    void everyOperationHasASummary() {
        List<String> operations = new ArrayList<>();
        List<String> withoutSummary = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (HTTP_METHODS.contains(op.getKey())) {
                String name = op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
                operations.add(name);
                if (op.getValue().path("summary").asText().isBlank()) {
                    withoutSummary.add(name);
                }
            }
        }));
        assertThat(operations).as("the document describes the API's operations").hasSizeGreaterThan(50);
        assertThat(withoutSummary).as("operations without a summary (@Operation(summary = …))").isEmpty();
    }

    @Test
    void operationsSayWhatTheyNeedBeyondTheirOwnDescription() {
        JsonNode paths = document.path("paths");
        String invoicePatch = paths.path("/v1/invoices/{id}").path("patch").path("description").asText();
        assertThat(invoicePatch).contains("merge patch").contains("If-Match").contains("428")
                .contains("INVOICES_WRITE");
        assertThat(paths.path("/v1/invoices/{id}/payments").path("post").path("description").asText())
                .contains("asCredit").contains("Idempotency-Key");
        assertThat(paths.path("/admin/v1/tenants").path("get").path("description").asText())
                .contains("operator or auditor");
        assertThat(paths.path("/admin/v1/tenants").path("post").path("description").asText())
                .contains("Requires a platform operator.").doesNotContain("If-Match");
        assertThat(paths.path("/v1/me/sessions/revoke-all").path("post").path("description").asText())
                .contains("signed-in browser session").contains("X-CSRF-Token");
    }

    @Test
    void isTheSameDocumentOnEveryRequest() {
        Response again = platform.get("/v1/openapi.json", null);
        assertThat(again.readEntity(String.class)).isEqualTo(body);
    }
}
