package io.billingnow.platform.billing.payments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.billingnow.platform.testing.TenantFixture;
import io.billingnow.platform.testing.TestPlatform;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Payments of one invoice sent at the same moment, from real threads over real HTTP into the real database: the
 * invoice row is locked first, so they are applied one after the other. Nothing is applied twice, the amount due
 * never goes below zero, and what one payment could no longer apply becomes the customer's credit.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class PaymentsRacingForTheLastCentTest {

    static final TestPlatform platform = new TestPlatform();

    @RegisterExtension
    static final DropwizardAppExtension<?> APP = platform.app();

    static final int RACERS = 6;
    static ExecutorService pool;

    @BeforeAll
    static void threads() {
        pool = Executors.newFixedThreadPool(RACERS);
    }

    @AfterAll
    static void stopThreads() {
        pool.shutdownNow();
    }

    /** Sends every request at once (each thread prepares its request, then all wait for one signal). */
    static List<Response> allAtOnce(List<Invocation> requests) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> sent = new ArrayList<>();
        for (Invocation request : requests) {
            sent.add(pool.submit(() -> {
                start.await();
                return TestPlatform.buffered(request.invoke());
            }));
        }
        start.countDown();
        List<Response> responses = new ArrayList<>();
        for (Future<Response> response : sent) {
            responses.add(response.get(60, TimeUnit.SECONDS));
        }
        return responses;
    }

    static Invocation payment(TenantFixture buyer, String invoiceId, long amount) {
        return platform.request("/v1/invoices/" + invoiceId + "/payments", buyer.key()).buildPost(Entity.json(
                Map.of("amount", amount, "currency", "EUR", "method", "bank_transfer")));
    }

    @Test
    void whenSeveralPaymentsOfTheWholeAmountRaceOneSettlesTheInvoiceAndTheOthersAreRefused() throws Exception {
        for (int round = 0; round < 3; round++) {
            TenantFixture buyer = TenantFixture.create(platform, "race-whole-" + round, "EUR");
            String invoice = buyer.openInvoice(1_000);
            List<Invocation> requests = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                requests.add(payment(buyer, invoice, 1_000));
            }

            List<Response> responses = allAtOnce(requests);

            List<Integer> statuses = responses.stream().map(Response::getStatus).toList();
            assertThat(statuses).as("round %d", round).containsOnlyOnce(201).containsOnly(201, 409);
            for (Response response : responses) {
                if (response.getStatus() == 409) {
                    assertThat(TestPlatform.expect(response, 409).get("type").asText()).endsWith("/invoice-paid");
                }
            }
            JsonNode paid = buyer.invoice(invoice);
            assertThat(paid.get("status").asText()).isEqualTo("paid");
            assertThat(paid.get("amountPaid").asLong()).isEqualTo(1_000);
            assertThat(paid.get("amountDue").asLong()).isZero();
            assertThat(buyer.payments(invoice)).hasSize(1);
            assertThat(buyer.creditBalance("EUR")).isZero();
        }
    }

    @Test
    void partialPaymentsRacingForTheLastCentApplyItOnceAndTheRestBecomesCredit() throws Exception {
        for (int round = 0; round < 3; round++) {
            TenantFixture buyer = TenantFixture.create(platform, "race-cent-" + round, "EUR");
            String invoice = buyer.openInvoice(1_000);
            // 999 of 1,000 are paid: one cent is left, and every racer pays 600.
            TestPlatform.expect(buyer.pay(invoice, Map.of("amount", 999, "currency", "EUR", "method", "cash")), 201);
            List<Invocation> requests = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                requests.add(payment(buyer, invoice, 600));
            }

            List<Response> responses = allAtOnce(requests);

            // The first to lock the invoice pays the cent; the second finds it paid and is refused (409
            // invoice-paid): it was sent without asCredit, so it is not silently turned into credit.
            assertThat(responses.stream().map(Response::getStatus).toList()).as("round %d", round)
                    .containsExactlyInAnyOrder(201, 409);
            JsonNode winner = responses.stream().filter(r -> r.getStatus() == 201).findFirst()
                    .map(r -> TestPlatform.expect(r, 201)).orElseThrow();
            assertThat(winner.get("appliedAmount").asLong()).isEqualTo(1);
            assertThat(winner.get("excessAmount").asLong()).isEqualTo(599);
            JsonNode paid = buyer.invoice(invoice);
            assertThat(paid.get("amountPaid").asLong()).isEqualTo(1_000);
            assertThat(paid.get("amountDue").asLong()).isZero();
            assertThat(buyer.creditBalance("EUR")).isEqualTo(599);
        }
    }

    @Test
    void partialPaymentsRacingOnAnOpenInvoiceAreAllAppliedAndNoCentIsCountedTwice() throws Exception {
        TenantFixture buyer = TenantFixture.create(platform, "race-split", "EUR");
        String invoice = buyer.openInvoice(1_000);
        List<Invocation> requests = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            requests.add(payment(buyer, invoice, 300));
        }

        List<Response> responses = allAtOnce(requests);

        // 300 × 6 = 1,800 for 1,000 due: whoever comes after the invoice is paid is refused, and the one that
        // crosses the line applies only what was left. Whatever the order, the books balance.
        long applied = 0;
        long excess = 0;
        int recorded = 0;
        for (Response response : responses) {
            if (response.getStatus() == 201) {
                JsonNode payment = TestPlatform.expect(response, 201);
                applied += payment.get("appliedAmount").asLong();
                excess += payment.get("excessAmount").asLong();
                recorded++;
            } else {
                assertThat(TestPlatform.expect(response, 409).get("type").asText()).endsWith("/invoice-paid");
            }
        }
        assertThat(recorded).isEqualTo(4);
        assertThat(applied).isEqualTo(1_000);
        assertThat(excess).isEqualTo(4 * 300 - 1_000);
        JsonNode paid = buyer.invoice(invoice);
        assertThat(paid.get("status").asText()).isEqualTo("paid");
        assertThat(paid.get("amountPaid").asLong()).isEqualTo(1_000);
        assertThat(buyer.payments(invoice)).hasSize(recorded);
        assertThat(buyer.creditBalance("EUR")).isEqualTo(excess);
    }
}
