package io.billingnow.platform.billing.invoices;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.billingnow.platform.identity.auth.Role;
import io.billingnow.platform.testing.TestPlatform;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The life of an invoice over HTTP: draft, finalize, partial and over-payment, credit note, void. */
@ExtendWith(DropwizardExtensionsSupport.class)
class InvoiceLifecycleTest {

    static final TestPlatform platform = new TestPlatform();

    @RegisterExtension
    static final DropwizardAppExtension<?> APP = platform.app();

    static String key;
    static String customerId;

    @BeforeAll
    static void aTenantWithACustomer() {
        var tenant = platform.createTenant("lifecycle", "EUR");
        key = platform.apiKey(tenant, Role.ACCOUNTANT);
        customerId = platform.postJson("/v1/customers", key, Map.of("name", "Muster AG", "email", "ap@muster.example",
                "country", "DE", "taxId", "DE123456789"), 201).get("id").asText();
    }

    static Map<String, Object> twoLineDraft() {
        return Map.of("customerId", customerId, "currency", "EUR", "lines", List.of(
                Map.of("description", "Consulting", "quantity", "2", "unitAmount", 1000,
                        "taxRates", List.of(Map.of("name", "VAT 19%", "category", "S", "percent", 19))),
                Map.of("description", "Book", "quantity", "1", "unitAmount", 500,
                        "taxRates", List.of(Map.of("name", "VAT 7%", "category", "S", "percent", 7)))));
    }

    @Test
    void draftFinalizePartialPaymentOverpaymentAndCreditNote() {
        JsonNode draft = platform.postJson("/v1/invoices", key, twoLineDraft(), 201);
        assertThat(draft.get("status").asText()).isEqualTo("draft");
        assertThat(draft.get("number").isNull()).isTrue();
        assertThat(draft.get("netTotal").asLong()).isEqualTo(2500);
        assertThat(draft.get("taxTotal").asLong()).isEqualTo(380 + 35);
        assertThat(draft.get("total").asLong()).isEqualTo(2915);
        assertThat(draft.get("taxBreakdown")).hasSize(2);
        String id = draft.get("id").asText();

        JsonNode open = platform.postJson("/v1/invoices/" + id + "/finalize", key, Map.of(), 200);
        assertThat(open.get("status").asText()).isEqualTo("open");
        assertThat(open.get("number").asText()).startsWith("INV-" + Year.now().getValue() + "-");
        assertThat(open.get("amountDue").asLong()).isEqualTo(2915);
        assertThat(open.get("issueDate").asText()).isNotEmpty();
        assertThat(open.get("dueDate").asText()).isEqualTo(
                LocalDate.parse(open.get("issueDate").asText()).plusDays(30).toString());
        assertThat(open.get("customer").get("name").asText()).isEqualTo("Muster AG");

        var edit = platform.patch("/v1/invoices/" + id, key, "W/\"" + open.get("version") + "\"", twoLineDraft());
        assertThat(edit.getStatus()).isEqualTo(409);

        JsonNode partial = platform.postJson("/v1/invoices/" + id + "/payments", key,
                Map.of("amount", 1000, "currency", "EUR", "method", "bank_transfer"), 201);
        assertThat(partial.get("appliedAmount").asLong()).isEqualTo(1000);
        JsonNode afterPartial = platform.getJson("/v1/invoices/" + id, key, 200);
        assertThat(afterPartial.get("status").asText()).isEqualTo("open");
        assertThat(afterPartial.get("amountPaid").asLong()).isEqualTo(1000);
        assertThat(afterPartial.get("amountDue").asLong()).isEqualTo(1915);

        platform.postJson("/v1/invoices/" + id + "/payments", key,
                Map.of("amount", 1000, "currency", "USD", "method", "bank_transfer"), 422);

        JsonNode over = platform.postJson("/v1/invoices/" + id + "/payments", key,
                Map.of("amount", 2000, "currency", "EUR", "method", "cash"), 201);
        assertThat(over.get("appliedAmount").asLong()).isEqualTo(1915);
        assertThat(over.get("excessAmount").asLong()).isEqualTo(85);
        JsonNode paid = platform.getJson("/v1/invoices/" + id, key, 200);
        assertThat(paid.get("status").asText()).isEqualTo("paid");
        assertThat(paid.get("amountDue").asLong()).isZero();
        JsonNode balance = platform.getJson("/v1/customers/" + customerId + "/credit-balance", key, 200);
        assertThat(balance.get("data").get(0).get("currency").asText()).isEqualTo("EUR");
        assertThat(balance.get("data").get(0).get("amount").asLong()).isGreaterThanOrEqualTo(85);

        JsonNode note = platform.postJson("/v1/invoices/" + id + "/credit-notes", key, Map.of(
                "reason", "Book returned", "remainder", "refund", "lines", List.of(
                        Map.of("description", "Book", "quantity", "1", "unitAmount", 500,
                                "taxRates", List.of(Map.of("name", "VAT 7%", "category", "S", "percent", 7))))), 201);
        assertThat(note.get("number").asText()).startsWith("CN-");
        assertThat(note.get("total").asLong()).isEqualTo(535);
        assertThat(note.get("appliedToDue").asLong()).isZero();
        assertThat(note.get("refunded").asLong()).isEqualTo(535);

        platform.postJson("/v1/invoices/" + id + "/credit-notes", key, Map.of("lines", List.of(
                Map.of("description", "Too much", "quantity", "1", "unitAmount", 5000))), 422);
        JsonNode payments = platform.getJson("/v1/invoices/" + id + "/payments", key, 200);
        assertThat(payments.get("data")).extracting(p -> p.get("kind").asText())
                .containsExactly("payment", "payment", "refund");
    }

    @Test
    void aCreditNoteOnAnOpenInvoiceReducesWhatIsDue() {
        String id = platform.postJson("/v1/invoices", key, twoLineDraft(), 201).get("id").asText();
        platform.postJson("/v1/invoices/" + id + "/finalize", key, Map.of(), 200);
        JsonNode full = platform.postJson("/v1/invoices/" + id + "/credit-notes", key, Map.of("reason", "Cancelled"), 201);
        assertThat(full.get("total").asLong()).isEqualTo(2915);
        assertThat(full.get("appliedToDue").asLong()).isEqualTo(2915);
        JsonNode invoice = platform.getJson("/v1/invoices/" + id, key, 200);
        assertThat(invoice.get("amountCredited").asLong()).isEqualTo(2915);
        assertThat(invoice.get("amountDue").asLong()).isZero();
        platform.postJson("/v1/invoices/" + id + "/credit-notes", key, Map.of(), 400);
    }

    @Test
    void aVoidInvoiceTakesNoPayment() {
        String id = platform.postJson("/v1/invoices", key, twoLineDraft(), 201).get("id").asText();
        platform.postJson("/v1/invoices/" + id + "/finalize", key, Map.of(), 200);
        JsonNode voided = platform.postJson("/v1/invoices/" + id + "/void", key, Map.of(), 200);
        assertThat(voided.get("status").asText()).isEqualTo("void");
        platform.postJson("/v1/invoices/" + id + "/payments", key,
                Map.of("amount", 100, "currency", "EUR", "method", "cash"), 409);
        platform.postJson("/v1/invoices/" + id + "/void", key, Map.of(), 409);
    }

    @Test
    void anInvoiceWithPaymentsCannotBeVoided() {
        String id = platform.postJson("/v1/invoices", key, twoLineDraft(), 201).get("id").asText();
        platform.postJson("/v1/invoices/" + id + "/finalize", key, Map.of(), 200);
        platform.postJson("/v1/invoices/" + id + "/payments", key,
                Map.of("amount", 100, "currency", "EUR", "method", "cash"), 201);
        platform.postJson("/v1/invoices/" + id + "/void", key, Map.of(), 409);
        JsonNode uncollectible = platform.postJson("/v1/invoices/" + id + "/mark-uncollectible", key, Map.of(), 200);
        assertThat(uncollectible.get("status").asText()).isEqualTo("uncollectible");
        JsonNode rest = platform.postJson("/v1/invoices/" + id + "/payments", key,
                Map.of("amount", 2815, "currency", "EUR", "method", "cash"), 201);
        assertThat(rest.get("appliedAmount").asLong()).isEqualTo(2815);
        assertThat(platform.getJson("/v1/invoices/" + id, key, 200).get("status").asText()).isEqualTo("paid");
    }

    @Test
    void draftsAreEditableWithIfMatchAndDeletable() {
        JsonNode draft = platform.postJson("/v1/invoices", key, twoLineDraft(), 201);
        String id = draft.get("id").asText();
        var missing = platform.patch("/v1/invoices/" + id, key, null, Map.of("memo", "x"));
        assertThat(missing.getStatus()).isEqualTo(428);
        var stale = platform.patch("/v1/invoices/" + id, key, "W/\"99\"", Map.of("memo", "x"));
        assertThat(stale.getStatus()).isEqualTo(412);
        var ok = platform.patch("/v1/invoices/" + id, key, "W/\"" + draft.get("version") + "\"",
                Map.of("lines", List.of(Map.of("description", "One", "quantity", "3", "unitAmount", 333))));
        JsonNode updated = TestPlatform.expect(ok, 200);
        assertThat(updated.get("total").asLong()).isEqualTo(999);
        assertThat(updated.get("lines")).hasSize(1);
        assertThat(updated.get("customerId").asText()).isEqualTo(customerId);
        assertThat(TestPlatform.buffered(platform.request("/v1/invoices/" + id, key).delete()).getStatus()).isEqualTo(204);
        platform.getJson("/v1/invoices/" + id, key, 404);
    }

    @Test
    void aPatchOfCustomerAndMemoKeepsTheDraftsLines() {
        JsonNode draft = platform.postJson("/v1/invoices", key, twoLineDraft(), 201);
        String id = draft.get("id").asText();

        JsonNode patched = TestPlatform.expect(platform.patch("/v1/invoices/" + id, key, "W/\"1\"",
                Map.of("customerId", customerId, "memo", "Thank you")), 200);

        assertThat(patched.get("memo").asText()).isEqualTo("Thank you");
        assertThat(patched.get("lines")).hasSize(2);
        assertThat(patched.get("total").asLong()).isEqualTo(draft.get("total").asLong());
        assertThat(patched.get("lines")).isEqualTo(draft.get("lines"));
        assertThat(patched.get("version").asInt()).isEqualTo(2);
        JsonNode cleared = TestPlatform.expect(platform.patch("/v1/invoices/" + id, key, "W/\"2\"",
                java.util.Collections.singletonMap("memo", null)), 200);
        assertThat(cleared.get("memo").isNull()).isTrue();
        assertThat(cleared.get("lines")).hasSize(2);
    }

    @Test
    void aDraftPatchIsValidatedAsACreateIsAndChangesNothingWhenRefused() {
        JsonNode draft = platform.postJson("/v1/invoices", key, twoLineDraft(), 201);
        String id = draft.get("id").asText();

        var refused = platform.patch("/v1/invoices/" + id, key, "W/\"1\"",
                Map.of("lines", List.of(Map.of("description", "", "quantity", "1", "unitAmount", 1)),
                        "colour", "red"));
        assertThat(refused.getStatus()).isEqualTo(400);
        var badLine = platform.patch("/v1/invoices/" + id, key, "W/\"1\"",
                Map.of("lines", List.of(Map.of("description", "", "quantity", "1", "unitAmount", 1))));
        assertThat(TestPlatform.expect(badLine, 400).get("errors").get(0).get("pointer").asText())
                .isEqualTo("/lines/0/description");
        var noCustomer = platform.patch("/v1/invoices/" + id, key, "W/\"1\"",
                java.util.Collections.singletonMap("customerId", null));
        assertThat(TestPlatform.expect(noCustomer, 400).get("errors").get(0).get("pointer").asText())
                .isEqualTo("/customerId");
        var put = TestPlatform.buffered(platform.request("/v1/invoices/" + id, key).header("If-Match", "W/\"1\"")
                .put(Entity.json(Map.of("customerId", customerId, "memo", "Replace"))));
        assertThat(put.getStatus()).isEqualTo(405);
        var plainJson = TestPlatform.buffered(platform.request("/v1/invoices/" + id, key)
                .header("If-Match", "W/\"1\"").method("PATCH", Entity.json(Map.of("memo", "x"))));
        assertThat(plainJson.getStatus()).isEqualTo(415);

        JsonNode after = platform.getJson("/v1/invoices/" + id, key, 200);
        assertThat(after.get("version").asInt()).isEqualTo(1);
        assertThat(after.get("lines")).isEqualTo(draft.get("lines"));
    }

    @Test
    void listsFilterByStatusAndPageWithCursors() {
        for (int i = 0; i < 3; i++) {
            platform.postJson("/v1/invoices", key, twoLineDraft(), 201);
        }
        JsonNode first = platform.getJson("/v1/invoices?status=draft&limit=2", key, 200);
        assertThat(first.get("data")).hasSize(2);
        assertThat(first.get("nextCursor").asText()).isNotEmpty();
        JsonNode second = platform.getJson("/v1/invoices?status=draft&limit=2&cursor="
                + first.get("nextCursor").asText(), key, 200);
        assertThat(second.get("data").size()).isGreaterThanOrEqualTo(1);
        assertThat(second.get("data").get(0).get("id").asText())
                .isNotIn(first.get("data").get(0).get("id").asText(), first.get("data").get(1).get("id").asText());
        for (JsonNode invoice : second.get("data")) {
            assertThat(invoice.get("status").asText()).isEqualTo("draft");
        }
        platform.getJson("/v1/invoices?status=bogus", key, 400);
        platform.getJson("/v1/invoices?cursor=garbage", key, 400);
        platform.getJson("/v1/invoices?limit=1000", key, 400);
    }
}
