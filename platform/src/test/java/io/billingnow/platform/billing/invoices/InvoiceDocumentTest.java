package io.billingnow.platform.billing.invoices;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.billingnow.platform.identity.auth.Role;
import io.billingnow.platform.testing.TestPlatform;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The invoice as the API shows it, field for field and in order, against documents captured from the code before
 * its records were regrouped (issue #13): a draft, a finalized invoice, a list page and the OpenAPI schema. Ids,
 * numbers, dates and timestamps differ from run to run and are replaced by placeholders before the comparison.
 * A change here is a change of the public API and needs a deliberate new capture.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class InvoiceDocumentTest {

    static final TestPlatform platform = new TestPlatform();

    @RegisterExtension
    static final DropwizardAppExtension<?> APP = platform.app();

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern NUMBER = Pattern.compile("INV-\\d{4}-\\d+");

    static String key;
    static String customerId;

    @BeforeAll
    static void aTenantWithACustomerWithAddressAndTaxId() {
        var tenant = platform.createTenant("documents", "EUR");
        key = platform.apiKey(tenant, Role.ACCOUNTANT);
        customerId = platform.postJson("/v1/customers", key, Map.of("name", "Muster AG", "email", "ap@muster.example",
                "country", "DE", "taxId", "DE123456789", "address", Map.of("line1", "Hauptstr. 1", "city", "Berlin",
                        "postalCode", "10115", "country", "DE")), 201).get("id").asText();
    }

    /** Every field the API writes has a value: discounts on the invoice and a line, memo, metadata, two rates. */
    static Map<String, Object> fullDraft() {
        return Map.of("customerId", customerId, "currency", "EUR", "memo", "Thank you",
                "discount", Map.of("type", "percent", "percent", 10), "metadata", Map.of("order", "PO-7"),
                "lines", List.of(
                        Map.of("description", "Consulting", "quantity", "2.50", "unitAmount", 1000,
                                "taxRates", List.of(Map.of("name", "VAT 19%", "category", "S", "percent", 19)),
                                "discount", Map.of("type", "amount", "amount", 100)),
                        Map.of("description", "Book", "quantity", "1", "unitAmount", 500,
                                "taxRates", List.of(Map.of("id", "reduced", "name", "VAT 7%", "category", "S",
                                        "percent", 7)))));
    }

    @Test
    void aDraftAFinalizedInvoiceAndAListPageReadAsBefore() throws IOException {
        JsonNode draft = platform.postJson("/v1/invoices", key, fullDraft(), 201);
        String id = draft.get("id").asText();
        JsonNode gotDraft = platform.getJson("/v1/invoices/" + id, key, 200);
        platform.postJson("/v1/invoices/" + id + "/finalize", key, Map.of(), 200);
        JsonNode finalized = platform.getJson("/v1/invoices/" + id, key, 200);
        JsonNode page = platform.getJson("/v1/invoices?limit=1&status=open", key, 200);

        ObjectNode documents = JsonNodeFactory.instance.objectNode();
        documents.set("created", draft);
        documents.set("draft", gotDraft);
        documents.set("finalized", finalized);
        documents.set("page", page);
        assertSameAsCaptured(documents, "invoice-documents.json");
    }

    /** A value the client left out is no value in the database (SQL NULL), not the JSON literal null. */
    @Test
    void aDiscountLeftOutIsStoredAsNoValue() throws Exception {
        String id = platform.postJson("/v1/invoices", key, Map.of("customerId", customerId, "lines", List.of(
                Map.of("description", "Book", "quantity", "1", "unitAmount", 500))), 201).get("id").asText();
        try (var connection = platform.database().superuserConnection(); var query = connection.prepareStatement(
                "SELECT i.discount IS NULL, l.discount IS NULL, l.tax_rates::text, i.metadata::text"
                        + " FROM invoices i JOIN invoice_lines l ON l.invoice_id = i.id WHERE i.id = ?")) {
            query.setObject(1, java.util.UUID.fromString(id));
            try (var row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getBoolean(1)).as("invoice discount is SQL NULL").isTrue();
                assertThat(row.getBoolean(2)).as("line discount is SQL NULL").isTrue();
                assertThat(row.getString(3)).isEqualTo("[]");
                assertThat(row.getString(4)).isEqualTo("{}");
            }
        }
    }

    /** The answers of the writes that return the invoice: a draft's update, void and mark-uncollectible. */
    @Test
    void theAnswersOfAnUpdateAVoidAndAMarkUncollectibleReadAsBefore() throws IOException {
        String toVoid = platform.postJson("/v1/invoices", key, fullDraft(), 201).get("id").asText();
        JsonNode patched = TestPlatform.expect(platform.patch("/v1/invoices/" + toVoid, key, "W/\"1\"",
                Map.of("memo", "Changed", "metadata", Map.of("order", "PO-8"))), 200);
        platform.postJson("/v1/invoices/" + toVoid + "/finalize", key, Map.of(), 200);
        JsonNode voided = platform.postJson("/v1/invoices/" + toVoid + "/void", key, Map.of(), 200);
        String toWriteOff = platform.postJson("/v1/invoices", key, fullDraft(), 201).get("id").asText();
        platform.postJson("/v1/invoices/" + toWriteOff + "/finalize", key, Map.of(), 200);
        JsonNode uncollectible = platform.postJson("/v1/invoices/" + toWriteOff + "/mark-uncollectible", key,
                Map.of(), 200);

        ObjectNode documents = JsonNodeFactory.instance.objectNode();
        documents.set("patched", patched);
        documents.set("voided", voided);
        documents.set("uncollectible", uncollectible);
        assertSameAsCaptured(documents, "invoice-write-answers.json");
    }

    @Test
    void theOpenApiSchemaOfAnInvoiceReadsAsBefore() throws IOException {
        JsonNode schemas = TestPlatform.expect(TestPlatform.buffered(platform.request("/v1/openapi.json", null)
                .get()), 200).path("components").path("schemas");
        ObjectNode documents = JsonNodeFactory.instance.objectNode();
        for (String name : List.of("Invoice", "InvoiceLine", "TaxLine", "DiscountFields", "TaxRateFields",
                "PageInvoice")) {
            documents.set(name, schemas.path(name));
        }
        assertThat(documents.path("Invoice").path("properties").size()).isEqualTo(30);
        assertSameAsCaptured(documents, "invoice-openapi-schemas.json");
    }

    private static void assertSameAsCaptured(JsonNode actual, String resource) throws IOException {
        String normalized = normalize(actual.deepCopy()).toPrettyString() + "\n";
        // Written beside the build output so that a deliberate change of the API can be captured from it.
        Path written = Path.of("target", "captured-" + resource);
        Files.createDirectories(written.getParent());
        Files.writeString(written, normalized);
        try (InputStream captured = InvoiceDocumentTest.class.getResourceAsStream(resource)) {
            assertThat(captured).as("captured document %s", resource).isNotNull();
            assertThat(normalized).isEqualTo(new String(captured.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static JsonNode normalize(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                field.setValue(normalize(field.getValue()));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                ((com.fasterxml.jackson.databind.node.ArrayNode) node).set(i, normalize(node.get(i)));
            }
        } else if (node.isTextual()) {
            String text = node.asText();
            if (UUID.matcher(text).matches()) {
                return TextNode.valueOf("<uuid>");
            }
            if (INSTANT.matcher(text).matches()) {
                return TextNode.valueOf("<instant>");
            }
            if (DATE.matcher(text).matches()) {
                return TextNode.valueOf("<date>");
            }
            if (NUMBER.matcher(text).matches()) {
                return TextNode.valueOf("<number>");
            }
        }
        return node;
    }
}
