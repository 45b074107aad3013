package io.billingnow.platform.billing.creditnotes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.billingnow.platform.testing.TenantFixture;
import io.billingnow.platform.testing.TestPlatform;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The rules of {@code POST /v1/invoices/{id}/credit-notes} (docs/invoice-lifecycle.md, "Credit notes"): which
 * invoices can be credited, that a credit never exceeds what is left to credit, how it settles (amount due first,
 * then customer credit or a refund), its own gapless number series, its audit entries, retries and races.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class IssuingACreditNoteTest {

    static final TestPlatform platform = new TestPlatform();

    @RegisterExtension
    static final DropwizardAppExtension<?> APP = platform.app();

    static TenantFixture seller;

    @BeforeAll
    static void aSeller() {
        seller = TenantFixture.create(platform, "crediting", "EUR");
    }

    /** A credit of one untaxed line of {@code amount}, the rest settled as {@code remainder} (null: the default). */
    static Map<String, Object> credit(long amount, String remainder) {
        Map<String, Object> fields = new HashMap<>(Map.of("reason", "Returned", "lines",
                List.of(Map.of("description", "Work", "quantity", "1", "unitAmount", amount))));
        if (remainder != null) {
            fields.put("remainder", remainder);
        }
        return fields;
    }

    static Response issue(TenantFixture tenant, String invoiceId, Map<String, Object> fields) {
        return platform.post("/v1/invoices/" + invoiceId + "/credit-notes", tenant.key(), fields);
    }

    static JsonNode refused(Response response, int status, String type) {
        JsonNode problem = TestPlatform.expect(response, status);
        assertThat(response.getMediaType().toString()).startsWith("application/problem+json");
        assertThat(problem.get("type").asText()).endsWith("/" + type);
        return problem;
    }

    static JsonNode creditNotes(TenantFixture tenant, String invoiceId) {
        return platform.getJson("/v1/invoices/" + invoiceId + "/credit-notes", tenant.key(), 200).get("data");
    }

    @Test
    void aCreditNoteCannotExceedTheInvoiceTotal() {
        String invoice = seller.openInvoice(1_000);
        JsonNode tooMuch = refused(issue(seller, invoice, credit(1_001, null)), 422, "credit-exceeds-invoice");
        assertThat(tooMuch.get("detail").asText()).contains("1001").contains("1000");

        TestPlatform.expect(issue(seller, invoice, credit(600, null)), 201);
        // What is left to credit is the total less earlier credit notes: 400, not the amount due.
        refused(issue(seller, invoice, credit(401, null)), 422, "credit-exceeds-invoice");
        TestPlatform.expect(issue(seller, invoice, credit(400, null)), 201);
        refused(issue(seller, invoice, credit(1, null)), 422, "credit-exceeds-invoice");

        JsonNode after = seller.invoice(invoice);
        assertThat(after.get("total").asLong()).as("the invoice's own totals never change").isEqualTo(1_000);
        assertThat(after.get("amountCredited").asLong()).isEqualTo(1_000);
        assertThat(creditNotes(seller, invoice)).hasSize(2);
    }

    @Test
    void aCreditNoteMustCreditAPositiveAmountThatFitsInMinorUnits() {
        String invoice = seller.openInvoice(1_000);
        Map<String, String> pointers = Map.of("0", "/lines", "-500", "/lines/0/unitAmount");
        for (var amount : pointers.entrySet()) {
            JsonNode problem = refused(issue(seller, invoice, credit(Long.parseLong(amount.getKey()), null)), 400,
                    "invalid-request");
            assertThat(problem.get("errors").get(0).get("pointer").asText()).as(amount.getKey())
                    .isEqualTo(amount.getValue());
        }
        JsonNode overflow = refused(issue(seller, invoice, Map.of("lines", List.of(Map.of("description", "Work",
                "quantity", "2", "unitAmount", Long.MAX_VALUE)))), 400, "invalid-request");
        assertThat(overflow.get("errors").get(0).get("pointer").asText()).isEqualTo("/lines/0");
        assertThat(creditNotes(seller, invoice)).isEmpty();
        assertThat(seller.invoice(invoice).get("amountDue").asLong()).isEqualTo(1_000);
    }

    @Test
    void aDraftOrVoidInvoiceCannotBeCredited() {
        String draft = seller.draft(1_000, "EUR");
        refused(issue(seller, draft, credit(100, null)), 409, "invoice-not-creditable");
        String voided = seller.openInvoice(1_000);
        platform.postJson("/v1/invoices/" + voided + "/void", seller.key(), Map.of(), 200);
        JsonNode problem = refused(issue(seller, voided, credit(100, null)), 409, "invoice-not-creditable");
        assertThat(problem.get("detail").asText()).contains("void");
        refused(issue(seller, UUID.randomUUID().toString(), credit(100, null)), 404, "not-found");
        assertThat(creditNotes(seller, draft)).isEmpty();
        assertThat(creditNotes(seller, voided)).isEmpty();
    }

    @Test
    void theWholeInvoiceIsCreditedWithoutLinesOnlyWhileNothingWasCreditedBefore() {
        String whole = seller.openInvoice(1_000);
        JsonNode note = TestPlatform.expect(issue(seller, whole, Map.of("reason", "Cancelled")), 201);
        assertThat(note.get("total").asLong()).isEqualTo(1_000);
        assertThat(note.get("lines")).hasSize(1);

        String partly = seller.openInvoice(1_000);
        TestPlatform.expect(issue(seller, partly, credit(100, null)), 201);
        JsonNode problem = refused(issue(seller, partly, Map.of("reason", "The rest")), 400, "invalid-request");
        assertThat(problem.get("errors").get(0).get("pointer").asText()).isEqualTo("/lines");
        assertThat(creditNotes(seller, partly)).hasSize(1);
    }

    @Test
    void aCreditNoteOnAnOpenInvoiceReducesWhatIsDueAndAtZeroTheInvoiceIsPaid() {
        TenantFixture buyer = TenantFixture.create(platform, "crediting-open", "EUR");
        String invoice = buyer.openInvoice(1_000);

        JsonNode part = TestPlatform.expect(issue(buyer, invoice, credit(300, null)), 201);
        assertThat(part.get("settlement").asText()).isEqualTo("reduce_amount_due");
        assertThat(part.get("appliedToDue").asLong()).isEqualTo(300);
        JsonNode open = buyer.invoice(invoice);
        assertThat(open.get("status").asText()).isEqualTo("open");
        assertThat(open.get("amountCredited").asLong()).isEqualTo(300);
        assertThat(open.get("amountDue").asLong()).isEqualTo(700);

        TestPlatform.expect(issue(buyer, invoice, credit(700, null)), 201);
        JsonNode paid = buyer.invoice(invoice);
        assertThat(paid.get("status").asText()).isEqualTo("paid");
        assertThat(paid.get("amountDue").asLong()).isZero();
        assertThat(paid.get("amountPaid").asLong()).as("a credit note is no payment").isZero();
        assertThat(buyer.creditBalance("EUR")).isZero();
    }

    @Test
    void aCreditCoversWhatIsDueFirstAndKeepsTheRestAsCustomerCreditByDefault() {
        TenantFixture buyer = TenantFixture.create(platform, "crediting-remainder", "EUR");
        String invoice = buyer.openInvoice(1_000);
        TestPlatform.expect(buyer.pay(invoice, Map.of("amount", 400, "currency", "EUR", "method", "cash")), 201);

        JsonNode note = TestPlatform.expect(issue(buyer, invoice, credit(1_000, null)), 201);

        assertThat(note.get("appliedToDue").asLong()).isEqualTo(600);
        assertThat(note.get("credited").asLong()).isEqualTo(400);
        assertThat(note.get("refunded").asLong()).isZero();
        assertThat(note.get("settlement").asText()).isEqualTo("customer_credit");
        JsonNode paid = buyer.invoice(invoice);
        assertThat(paid.get("status").asText()).isEqualTo("paid");
        assertThat(paid.get("amountPaid").asLong()).as("amountPaid is never reduced").isEqualTo(400);
        assertThat(paid.get("amountCredited").asLong()).isEqualTo(600);
        assertThat(buyer.creditBalance("EUR")).isEqualTo(400);
        assertThat(buyer.payments(invoice)).extracting(p -> p.get("kind").asText()).containsExactly("payment");
    }

    @Test
    void aRemainderToRefundIsRecordedAsARefundOwedAndNotAsCredit() {
        TenantFixture buyer = TenantFixture.create(platform, "crediting-refund", "EUR");
        String invoice = buyer.openInvoice(1_000);
        TestPlatform.expect(buyer.pay(invoice, Map.of("amount", 1_000, "currency", "EUR", "method", "cash")), 201);

        JsonNode note = TestPlatform.expect(issue(buyer, invoice, credit(250, "refund")), 201);

        assertThat(note.get("settlement").asText()).isEqualTo("refund");
        assertThat(note.get("appliedToDue").asLong()).as("a paid invoice has nothing due").isZero();
        assertThat(note.get("refunded").asLong()).isEqualTo(250);
        JsonNode refund = buyer.payments(invoice).get(1);
        assertThat(refund.get("kind").asText()).isEqualTo("refund");
        assertThat(refund.get("method").asText()).isEqualTo("credit_note");
        assertThat(refund.get("amount").asLong()).isEqualTo(250);
        assertThat(refund.get("reference").asText()).isEqualTo(note.get("number").asText());
        assertThat(buyer.creditBalance("EUR")).isZero();
        assertThat(buyer.invoice(invoice).get("amountPaid").asLong()).isEqualTo(1_000);
    }

    @Test
    void anUncollectibleInvoiceCreditedToZeroIsPaid() {
        String invoice = seller.openInvoice(1_000);
        platform.postJson("/v1/invoices/" + invoice + "/mark-uncollectible", seller.key(), Map.of(), 200);
        JsonNode note = TestPlatform.expect(issue(seller, invoice, credit(1_000, null)), 201);
        assertThat(note.get("appliedToDue").asLong()).isEqualTo(1_000);
        assertThat(seller.invoice(invoice).get("status").asText()).isEqualTo("paid");
    }

    @Test
    void aRemainderOtherThanRefundOrCustomerCreditIsRefusedWithAPointer() {
        String invoice = seller.openInvoice(1_000);
        JsonNode problem = refused(issue(seller, invoice, credit(100, "cash_back")), 400, "invalid-request");
        assertThat(problem.get("errors").get(0).get("pointer").asText()).isEqualTo("/remainder");
        assertThat(creditNotes(seller, invoice)).isEmpty();
    }

    @Test
    void creditNotesAreNumberedInTheirOwnGaplessSeriesAndARefusalUsesNoNumber() {
        TenantFixture numbered = TenantFixture.create(platform, "crediting-numbers", "EUR");
        String year = Integer.toString(LocalDate.now(ZoneOffset.UTC).getYear());
        String first = numbered.openInvoice(1_000);
        String second = numbered.openInvoice(1_000);

        JsonNode one = TestPlatform.expect(issue(numbered, first, credit(100, null)), 201);
        refused(issue(numbered, second, credit(5_000, null)), 422, "credit-exceeds-invoice");
        JsonNode two = TestPlatform.expect(issue(numbered, second, credit(100, null)), 201);

        assertThat(one.get("number").asText()).isEqualTo("CN-" + year + "-00001");
        assertThat(two.get("number").asText()).isEqualTo("CN-" + year + "-00002");
        assertThat(numbered.invoice(second).get("number").asText()).as("invoices keep their own series")
                .isEqualTo("INV-" + year + "-00002");
        assertThat(platform.getJson("/v1/credit-notes/" + two.get("id").asText(), numbered.key(), 200)
                .get("number").asText()).isEqualTo(two.get("number").asText());
    }

    @Test
    void issuingACreditNoteWritesTheCreditNotesAndTheInvoicesAuditEntries() {
        TenantFixture audited = TenantFixture.create(platform, "crediting-audited", "EUR");
        String invoice = audited.openInvoice(1_000);
        JsonNode note = TestPlatform.expect(issue(audited, invoice, credit(300, null)), 201);

        List<TenantFixture.AuditEntry> issued = audited.audit("credit_note.issued");
        assertThat(issued).hasSize(1);
        assertThat(issued.get(0).entityType()).isEqualTo("credit_note");
        assertThat(issued.get(0).entityId()).isEqualTo(note.get("id").asText());
        assertThat(issued.get(0).after().get("number").asText()).isEqualTo(note.get("number").asText());
        assertThat(issued.get(0).actorType()).isEqualTo("api_key");
        List<TenantFixture.AuditEntry> credited = audited.audit("invoice.credited");
        assertThat(credited).hasSize(1);
        assertThat(credited.get(0).entityId()).isEqualTo(invoice);
        assertThat(credited.get(0).before().get("amountDue").asLong()).isEqualTo(1_000);
        assertThat(credited.get(0).after().get("amountDue").asLong()).isEqualTo(700);

        refused(issue(audited, invoice, credit(5_000, null)), 422, "credit-exceeds-invoice");
        assertThat(audited.audit("credit_note.issued")).as("a refusal is not audited as an issue").hasSize(1);
    }

    @Test
    void aCreditNoteRetriedWithTheSameIdempotencyKeyIsIssuedOnce() {
        String invoice = seller.openInvoice(1_000);
        String key = UUID.randomUUID().toString();
        String body = "{\"reason\":\"Late\",\"lines\":[{\"description\":\"Work\",\"quantity\":\"1\",\"unitAmount\":100}]}";
        Response first = TestPlatform.buffered(platform.request("/v1/invoices/" + invoice + "/credit-notes",
                seller.key()).header("Idempotency-Key", key).post(Entity.json(body)));
        Response retry = TestPlatform.buffered(platform.request("/v1/invoices/" + invoice + "/credit-notes",
                seller.key()).header("Idempotency-Key", key).post(Entity.json(body)));

        assertThat(TestPlatform.expect(retry, 201).get("number").asText())
                .isEqualTo(TestPlatform.expect(first, 201).get("number").asText());
        assertThat(retry.getHeaderString("Idempotency-Replayed")).isEqualTo("true");
        assertThat(creditNotes(seller, invoice)).hasSize(1);
        assertThat(seller.invoice(invoice).get("amountCredited").asLong()).isEqualTo(100);
    }

    @Test
    void twoCreditNotesRacingForWhatIsLeftToCreditNeverExceedTheInvoice() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 3; round++) {
                String invoice = seller.openInvoice(1_000);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Response>> sent = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    Invocation request = platform.request("/v1/invoices/" + invoice + "/credit-notes", seller.key())
                            .buildPost(Entity.json(credit(600, null)));
                    sent.add(pool.submit(() -> {
                        start.await();
                        return TestPlatform.buffered(request.invoke());
                    }));
                }
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<Response> response : sent) {
                    statuses.add(response.get(60, TimeUnit.SECONDS).getStatus());
                }
                assertThat(statuses).as("round %d", round).containsExactlyInAnyOrder(201, 422);
                assertThat(creditNotes(seller, invoice)).hasSize(1);
                assertThat(seller.invoice(invoice).get("amountDue").asLong()).isEqualTo(400);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
