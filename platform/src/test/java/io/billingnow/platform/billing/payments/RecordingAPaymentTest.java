package io.billingnow.platform.billing.payments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.billingnow.platform.testing.TenantFixture;
import io.billingnow.platform.testing.TestPlatform;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The rules of {@code POST /v1/invoices/{id}/payments} (docs/invoice-lifecycle.md, "Payments"; docs/payments.md,
 * "Payments recorded by hand"): what is applied, what becomes credit, which amounts, currencies and invoice states
 * are refused with which problem and pointer, that a refusal writes nothing, the audit entries, and retries.
 * The bounds of implausible amounts and dates are {@link ImplausibleMoneyTest}'s; races are
 * {@link PaymentsRacingForTheLastCentTest}'s.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class RecordingAPaymentTest {

    static final TestPlatform platform = new TestPlatform();

    @RegisterExtension
    static final DropwizardAppExtension<?> APP = platform.app();

    static TenantFixture seller;

    @BeforeAll
    static void aSeller() {
        seller = TenantFixture.create(platform, "recording", "EUR");
    }

    static Map<String, Object> payment(Object amount, String currency) {
        return Map.of("amount", amount, "currency", currency, "method", "bank_transfer");
    }

    static JsonNode refused(Response response, int status, String type) {
        JsonNode problem = TestPlatform.expect(response, status);
        assertThat(response.getMediaType().toString()).startsWith("application/problem+json");
        assertThat(problem.get("type").asText()).endsWith("/" + type);
        assertThat(problem.get("requestId").asText()).isEqualTo(response.getHeaderString("Request-Id"));
        return problem;
    }

    static String pointer(JsonNode problem) {
        return problem.get("errors").get(0).get("pointer").asText();
    }

    /** The invoice's amounts and status, to compare before and after a refusal. */
    static String amounts(String invoiceId) {
        JsonNode i = seller.invoice(invoiceId);
        return i.get("status").asText() + " paid=" + i.get("amountPaid") + " due=" + i.get("amountDue")
                + " version=" + i.get("version");
    }

    @Test
    void aPaymentLargerThanTheBalanceBecomesCustomerCredit() {
        TenantFixture buyer = TenantFixture.create(platform, "recording-overpaid", "EUR");
        String invoice = buyer.openInvoice(1_000);
        buyer.pay(invoice, payment(400, "EUR")).close();

        JsonNode over = TestPlatform.expect(buyer.pay(invoice, payment(1_000, "EUR")), 201);

        assertThat(over.get("amount").asLong()).as("the payment is kept whole").isEqualTo(1_000);
        assertThat(over.get("appliedAmount").asLong()).isEqualTo(600);
        assertThat(over.get("excessAmount").asLong()).isEqualTo(400);
        JsonNode paid = buyer.invoice(invoice);
        assertThat(paid.get("status").asText()).isEqualTo("paid");
        assertThat(paid.get("amountPaid").asLong()).as("never more than was due").isEqualTo(1_000);
        assertThat(paid.get("amountDue").asLong()).isZero();
        assertThat(buyer.creditBalance("EUR")).isEqualTo(400);
    }

    @Test
    void paymentsAddUpUntilTheInvoiceIsPaidAndNoneLeavesCredit() {
        TenantFixture buyer = TenantFixture.create(platform, "recording-instalments", "EUR");
        String invoice = buyer.openInvoice(1_000);
        for (long part : List.of(300L, 300L)) {
            assertThat(TestPlatform.expect(buyer.pay(invoice, payment(part, "EUR")), 201).get("excessAmount")
                    .asLong()).isZero();
            assertThat(buyer.invoice(invoice).get("status").asText()).isEqualTo("open");
        }
        JsonNode last = TestPlatform.expect(buyer.pay(invoice, payment(400, "EUR")), 201);
        assertThat(last.get("appliedAmount").asLong()).isEqualTo(400);
        assertThat(buyer.invoice(invoice).get("status").asText()).isEqualTo("paid");
        assertThat(buyer.invoice(invoice).get("amountPaid").asLong()).isEqualTo(1_000);
        assertThat(buyer.payments(invoice)).extracting(p -> p.get("appliedAmount").asLong())
                .containsExactly(300L, 300L, 400L);
        assertThat(buyer.creditBalance("EUR")).isZero();
    }

    @Test
    void aPaymentInAnotherCurrencyThanTheInvoicesIsRefusedAndNothingIsWritten() {
        String invoice = seller.openInvoice(1_000);
        String before = amounts(invoice);
        for (String currency : List.of("USD", "JPY")) {
            JsonNode problem = refused(seller.pay(invoice, payment(1_000, currency)), 422, "currency-mismatch");
            assertThat(problem.get("detail").asText()).contains("EUR");
        }
        assertThat(seller.payments(invoice)).isEmpty();
        assertThat(amounts(invoice)).isEqualTo(before);
    }

    @Test
    void aZeroOrNegativeAmountIsRefusedWithAPointer() {
        String invoice = seller.openInvoice(1_000);
        for (long amount : List.of(0L, -1L, Long.MIN_VALUE)) {
            assertThat(pointer(refused(seller.pay(invoice, payment(amount, "EUR")), 400, "invalid-request")))
                    .as("amount %d", amount).isEqualTo("/amount");
        }
        assertThat(seller.payments(invoice)).isEmpty();
    }

    @Test
    void anAmountWithDecimalsAsAStringOrBeyond64BitsIsRefusedNeverRoundedOrWrapped() {
        String invoice = seller.openInvoice(1_000);
        for (String amount : List.of("10.5", "1e3", "\"100\"", "9223372036854775808", "18446744073709551716")) {
            Response response = platform.request("/v1/invoices/" + invoice + "/payments", seller.key())
                    .post(Entity.json("{\"amount\":" + amount + ",\"currency\":\"EUR\",\"method\":\"cash\"}"));
            assertThat(pointer(refused(TestPlatform.buffered(response), 400, "invalid-request")))
                    .as("amount %s", amount).isEqualTo("/amount");
        }
        assertThat(seller.payments(invoice)).isEmpty();
        assertThat(seller.invoice(invoice).get("amountDue").asLong()).isEqualTo(1_000);
    }

    @Test
    void aCurrencyThatIsNoIso4217CodeIsRefusedWithAPointer() {
        String invoice = seller.openInvoice(1_000);
        for (String currency : List.of("eur", "EURO", "E1R", "ZZZ", "")) {
            assertThat(pointer(refused(seller.pay(invoice, payment(100, currency)), 400, "invalid-request")))
                    .as("currency '%s'", currency).isEqualTo("/currency");
        }
        assertThat(seller.payments(invoice)).isEmpty();
    }

    @Test
    void theAmountBoundIsScaledByTheCurrencysMinorUnit() {
        // The default bound is 10^9 major units: JPY has no minor unit, KWD has three.
        TenantFixture yen = TenantFixture.create(platform, "recording-jpy", "JPY");
        String jpy = yen.openInvoice(5_000, "JPY");
        assertThat(pointer(refused(yen.pay(jpy, payment(1_000_000_001L, "JPY")), 400, "invalid-request")))
                .isEqualTo("/amount");
        JsonNode largest = TestPlatform.expect(yen.pay(jpy, payment(1_000_000_000L, "JPY")), 201);
        assertThat(largest.get("excessAmount").asLong()).isEqualTo(1_000_000_000L - 5_000);

        TenantFixture dinar = TenantFixture.create(platform, "recording-kwd", "KWD");
        String kwd = dinar.openInvoice(5_000, "KWD");
        assertThat(pointer(refused(dinar.pay(kwd, payment(1_000_000_000_001L, "KWD")), 400, "invalid-request")))
                .isEqualTo("/amount");
        TestPlatform.expect(dinar.pay(kwd, payment(1_000_000_000_000L, "KWD")), 201);
        assertThat(dinar.creditBalance("KWD")).isEqualTo(1_000_000_000_000L - 5_000);
    }

    @Test
    void aDraftOrVoidInvoiceTakesNoPaymentAndTheProblemSaysWhy() {
        String draft = seller.draft(1_000, "EUR");
        refused(seller.pay(draft, payment(1_000, "EUR")), 409, "invoice-not-finalized");
        assertThat(seller.invoice(draft).get("status").asText()).isEqualTo("draft");

        String voided = seller.openInvoice(1_000);
        platform.postJson("/v1/invoices/" + voided + "/void", seller.key(), Map.of(), 200);
        refused(seller.pay(voided, payment(1_000, "EUR")), 409, "invoice-void");
        // Not even as credit: a void invoice takes no money at all.
        refused(seller.pay(voided, Map.of("amount", 1_000, "currency", "EUR", "method", "cash", "asCredit", true)),
                409, "invoice-void");
        assertThat(seller.payments(draft)).isEmpty();
        assertThat(seller.payments(voided)).isEmpty();
    }

    @Test
    void aPaymentOfAnInvoiceThatDoesNotExistIsNotFound() {
        refused(seller.pay(UUID.randomUUID().toString(), payment(100, "EUR")), 404, "not-found");
    }

    @Test
    void aMethodOutsideTheListIsRefusedWithAPointer() {
        String invoice = seller.openInvoice(1_000);
        JsonNode problem = refused(seller.pay(invoice, Map.of("amount", 100, "currency", "EUR", "method", "bitcoin")),
                400, "invalid-request");
        assertThat(pointer(problem)).isEqualTo("/method");
        assertThat(seller.payments(invoice)).isEmpty();
    }

    @Test
    void recordingAPaymentWritesTheInvoicesAndThePaymentsAuditEntries() {
        TenantFixture audited = TenantFixture.create(platform, "recording-audited", "EUR");
        String invoice = audited.openInvoice(1_000);
        JsonNode payment = TestPlatform.expect(audited.pay(invoice, Map.of("amount", 250, "currency", "EUR",
                "method", "cheque", "reference", "Cheque 0042")), 201);

        List<TenantFixture.AuditEntry> invoiceEntries = audited.audit("invoice.payment_recorded");
        assertThat(invoiceEntries).hasSize(1);
        TenantFixture.AuditEntry recorded = invoiceEntries.get(0);
        assertThat(recorded.entityType()).isEqualTo("invoice");
        assertThat(recorded.entityId()).isEqualTo(invoice);
        assertThat(recorded.actorType()).isEqualTo("api_key");
        assertThat(recorded.before().get("amountDue").asLong()).isEqualTo(1_000);
        assertThat(recorded.after().get("amountDue").asLong()).isEqualTo(750);
        assertThat(recorded.after().get("amountPaid").asLong()).isEqualTo(250);

        List<TenantFixture.AuditEntry> paymentEntries = audited.audit("payment.created");
        assertThat(paymentEntries).hasSize(1);
        assertThat(paymentEntries.get(0).entityId()).isEqualTo(payment.get("id").asText());
        assertThat(paymentEntries.get(0).after().get("reference").asText()).isEqualTo("Cheque 0042");
        assertThat(paymentEntries.get(0).after().get("amount").asLong()).isEqualTo(250);

        // A refused payment leaves no trace in the audit log either.
        refused(audited.pay(invoice, payment(100, "USD")), 422, "currency-mismatch");
        assertThat(audited.audit("payment.created")).hasSize(1);
    }

    @Test
    void aPaymentRetriedWithTheSameIdempotencyKeyIsRecordedOnce() {
        String invoice = seller.openInvoice(1_000);
        String body = "{\"amount\":400,\"currency\":\"EUR\",\"method\":\"bank_transfer\"}";
        String key = UUID.randomUUID().toString();

        Response first = withKey(invoice, key, body);
        Response retry = withKey(invoice, key, body);

        JsonNode recorded = TestPlatform.expect(first, 201);
        assertThat(TestPlatform.expect(retry, 201).get("id").asText()).isEqualTo(recorded.get("id").asText());
        assertThat(retry.getHeaderString("Idempotency-Replayed")).isEqualTo("true");
        assertThat(seller.payments(invoice)).hasSize(1);
        assertThat(seller.invoice(invoice).get("amountDue").asLong()).isEqualTo(600);

        // The same key for another amount is a client error, not a second payment.
        refused(withKey(invoice, key, body.replace("400", "500")), 422, "idempotency-key-reused");
        assertThat(seller.payments(invoice)).hasSize(1);
    }

    static Response withKey(String invoiceId, String idempotencyKey, String body) {
        return TestPlatform.buffered(platform.request("/v1/invoices/" + invoiceId + "/payments", seller.key())
                .header("Idempotency-Key", idempotencyKey).post(Entity.json(body)));
    }
}
