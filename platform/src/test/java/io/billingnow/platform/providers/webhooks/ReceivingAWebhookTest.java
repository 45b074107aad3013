package io.billingnow.platform.providers.webhooks;

import static io.billingnow.platform.testing.ExampleBankTransfer.deliver;
import static io.billingnow.platform.testing.ExampleBankTransfer.event;
import static io.billingnow.platform.testing.ExampleBankTransfer.outcome;
import static io.billingnow.platform.testing.ExampleBankTransfer.transferReceived;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.billingnow.platform.core.tx.PlatformTransactions;
import io.billingnow.platform.core.tx.TenantTransactions;
import io.billingnow.platform.providers.plugins.TestPlugins;
import io.billingnow.platform.testing.ExampleBankTransfer;
import io.billingnow.platform.testing.TenantFixture;
import io.billingnow.platform.testing.TestPlatform;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
 * The rules of {@code POST /webhooks/{publicId}} (docs/payments.md, "Webhooks"), through the real example plugin and
 * its real signature check: forged, stale and malformed deliveries are refused and recorded as security events;
 * each event is applied once however often it is delivered; a payment is recorded only when invoice, currency and
 * amount reconcile, anything else authentic is kept for review and acknowledged; events arriving out of order move
 * no money they should not. One payment announced by several events is {@link PaymentAnnouncedTwiceTest}'s.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ReceivingAWebhookTest {

    static final TestPlatform platform = new TestPlatform(
            ConfigOverride.config("plugins.directory", TestPlugins.folder().toString()));

    @RegisterExtension
    static final DropwizardAppExtension<?> APP = platform.app();

    static TenantFixture seller;
    static String secret;
    static JsonNode account;
    static ExecutorService pool;

    @BeforeAll
    static void aSellerWithABankTransferAccount() {
        seller = TenantFixture.create(platform, "webhooked", "EUR").enableProvider(ExampleBankTransfer.PROVIDER, true);
        secret = ExampleBankTransfer.newSecret();
        account = platform.postJson("/v1/provider-accounts", seller.key(), ExampleBankTransfer.account(secret), 201);
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void stopThreads() {
        pool.shutdownNow();
    }

    static String id(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "");
    }

    static String amounts(TenantFixture tenant, String invoiceId) {
        JsonNode i = tenant.invoice(invoiceId);
        return i.get("status").asText() + " paid=" + i.get("amountPaid") + " due=" + i.get("amountDue");
    }

    static int rows(String sql) {
        return new TenantTransactions(platform.jdbi()).read(seller.tenant().id(), tx -> tx.handle().createQuery(sql)
                .bind("tenant", seller.tenant().id().value()).bind("account", UUID.fromString(account.get("id")
                        .asText())).mapTo(Integer.class).one());
    }

    static int acceptedEvents() {
        return rows("SELECT count(*) FROM webhook_events WHERE tenant_id = :tenant AND account_id = :account");
    }

    /** The account's rejected deliveries in the platform's security events, each naming the sender's address. */
    static long securityEventsOfTheAccount() {
        return new PlatformTransactions(platform.jdbi()).lookup(h -> h.createQuery("""
                        SELECT count(*) FROM security_events WHERE kind = 'webhook_rejected' AND tenant_id = :tenant
                        AND detail LIKE :detail AND address = '127.0.0.1'""")
                .bind("tenant", seller.tenant().id().value())
                .bind("detail", "provider account " + account.get("id").asText() + ":%")
                .mapTo(Long.class).one());
    }

    /** The open review entries of an account, by the invoice reference they name. */
    static List<JsonNode> reviews(TenantFixture tenant, JsonNode ofAccount) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode review : platform.getJson("/v1/webhook-reviews", tenant.key(), 200).get("data")) {
            if (review.get("accountId").asText().equals(ofAccount.get("id").asText())) {
                found.add(review);
            }
        }
        return found;
    }

    // ------------------------------------------------------------------------------------------------ refusals

    @Test
    void aWebhookWithABadSignatureIsRefusedAndRecordedAsASecurityEvent() {
        String invoice = seller.openInvoice(1_000);
        String before = amounts(seller, invoice);
        byte[] body = transferReceived(id("ev_"), id("tr_"), invoice, 1_000);
        long now = Instant.now().getEpochSecond();
        byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("1000", "9000")
                .getBytes(StandardCharsets.UTF_8);
        byte[] notJson = "not json".getBytes(StandardCharsets.UTF_8);
        Map<String, Map<String, String>> forgeries = new java.util.LinkedHashMap<>();
        forgeries.put("BAD_SIGNATURE", signed(ExampleBankTransfer.newSecret(), now, body));
        forgeries.put("MISSING_SIGNATURE", Map.of("X-Example-Timestamp", Long.toString(now)));
        forgeries.put("STALE_TIMESTAMP", signed(secret, now - 6 * 60, body));
        int accepted = acceptedEvents();
        long securityEvents = securityEventsOfTheAccount();
        int audited = seller.audit("security.webhook_rejected").size();

        for (var forgery : forgeries.entrySet()) {
            assertRejected(ExampleBankTransfer.delivery(platform, account, forgery.getValue(), body), forgery.getKey());
        }
        // The signature of one body does not cover another, and an authentic body that is no event is refused too.
        assertRejected(ExampleBankTransfer.delivery(platform, account, signed(secret, now, body), tampered),
                "BAD_SIGNATURE");
        assertRejected(ExampleBankTransfer.delivery(platform, account, signed(secret, now, notJson), notJson),
                "MALFORMED");

        assertThat(amounts(seller, invoice)).isEqualTo(before);
        assertThat(seller.payments(invoice)).isEmpty();
        assertThat(acceptedEvents()).isEqualTo(accepted);
        assertThat(securityEventsOfTheAccount()).isEqualTo(securityEvents + 5);
        List<TenantFixture.AuditEntry> entries = seller.audit("security.webhook_rejected");
        assertThat(entries).hasSize(audited + 5);
        TenantFixture.AuditEntry last = entries.get(entries.size() - 1);
        assertThat(last.actorId()).as("the sender's address").isEqualTo("127.0.0.1");
        assertThat(last.after().get("detail").asText()).contains(account.get("id").asText()).contains("MALFORMED");
        assertThat(seller.wholeAuditLog()).doesNotContain(secret).doesNotContain("not json");
    }

    static Map<String, String> signed(String withSecret, long timestamp, byte[] body) {
        return Map.of("X-Example-Timestamp", Long.toString(timestamp),
                "X-Example-Signature", ExampleBankTransfer.signature(withSecret, timestamp, body));
    }

    static void assertRejected(Invocation delivery, String reason) {
        Response response = TestPlatform.buffered(delivery.invoke());
        JsonNode problem = TestPlatform.expect(response, 400);
        assertThat(response.getMediaType().toString()).startsWith("application/problem+json");
        assertThat(problem.get("type").asText()).as(reason).endsWith("/webhook-rejected");
        assertThat(problem.get("detail").asText()).contains(reason).doesNotContain(secret);
    }

    // ------------------------------------------------------------------------------------------------ once only

    @Test
    void aWebhookReplayedWithTheSameEventIdIsAppliedOnce() {
        String invoice = seller.openInvoice(1_000);
        byte[] body = transferReceived(id("ev_"), id("tr_"), invoice, 400);

        assertThat(outcome(deliver(platform, account, secret, body))).isEqualTo("payment_recorded");
        assertThat(outcome(deliver(platform, account, secret, body))).isEqualTo("duplicate");
        // Signed again later (a provider's retry carries a new signature): still the same event.
        assertThat(outcome(deliver(platform, account, secret, body))).isEqualTo("duplicate");

        assertThat(seller.payments(invoice)).hasSize(1);
        assertThat(seller.invoice(invoice).get("amountDue").asLong()).isEqualTo(600);
    }

    @Test
    void theSameEventDeliveredTwiceAtOnceIsAppliedOnce() throws Exception {
        for (int round = 0; round < 3; round++) {
            String invoice = seller.openInvoice(1_000);
            byte[] body = transferReceived(id("ev_"), id("tr_"), invoice, 1_000);
            List<String> outcomes = outcomes(List.of(ExampleBankTransfer.delivery(platform, account, secret, body),
                    ExampleBankTransfer.delivery(platform, account, secret, body)));
            assertThat(outcomes).as("round %d", round).containsExactlyInAnyOrder("payment_recorded", "duplicate");
            assertThat(seller.payments(invoice)).hasSize(1);
            assertThat(seller.invoice(invoice).get("amountPaid").asLong()).isEqualTo(1_000);
        }
        assertThat(seller.creditBalance("EUR")).as("nothing applied twice, so nothing left over").isZero();
    }

    static List<String> outcomes(List<Invocation> deliveries) throws Exception {
        List<Response> responses = allAtOnce(deliveries);
        List<String> outcomes = new ArrayList<>();
        for (Response response : responses) {
            outcomes.add(outcome(response));
        }
        return outcomes;
    }

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

    // ------------------------------------------------------------------------------------------- kept for review

    @Test
    void anEventNamingNoInvoiceOfTheTenantIsKeptForReviewAndAcknowledged() {
        TenantFixture stranger = TenantFixture.create(platform, "webhooked-stranger", "EUR");
        String theirs = stranger.openInvoice(1_000);
        String theirsBefore = amounts(stranger, theirs);
        TenantFixture tenant = TenantFixture.create(platform, "webhooked-reviewed", "EUR")
                .enableProvider(ExampleBankTransfer.PROVIDER, true);
        String mySecret = ExampleBankTransfer.newSecret();
        JsonNode myAccount = platform.postJson("/v1/provider-accounts", tenant.key(),
                ExampleBankTransfer.account(mySecret), 201);
        String transfer = id("tr_");
        List<String> references = new ArrayList<>(List.of(UUID.randomUUID().toString(), "INV-2026-00001", theirs));

        for (String reference : references) {
            assertThat(outcome(deliver(platform, myAccount, mySecret, transferReceived(id("ev_"), id("tr_"),
                    reference, 1_000)))).as(reference).isEqualTo("review");
        }
        assertThat(outcome(deliver(platform, myAccount, mySecret, event(id("ev_"), "transfer.received", transfer,
                null, 1_000L, "EUR")))).as("no invoice reference").isEqualTo("review");

        List<JsonNode> kept = reviews(tenant, myAccount);
        assertThat(kept).extracting(r -> r.get("reason").asText()).containsOnly("unknown-invoice").hasSize(4);
        assertThat(kept).extracting(r -> r.hasNonNull("invoiceReference") ? r.get("invoiceReference").asText() : null)
                .containsExactly(references.get(0), references.get(1), references.get(2), null);
        JsonNode last = kept.get(3);
        assertThat(last.get("paymentReference").asText()).isEqualTo(transfer);
        assertThat(last.get("amount").asLong()).isEqualTo(1_000);
        assertThat(last.get("currency").asText()).isEqualTo("EUR");
        assertThat(tenant.audit("webhook_event.kept_for_review")).hasSize(4);
        // The other tenant's invoice was named, and nothing of theirs changed or showed.
        assertThat(amounts(stranger, theirs)).isEqualTo(theirsBefore);
        assertThat(platform.getJson("/v1/webhook-reviews", stranger.key(), 200).get("data")).isEmpty();
    }

    @Test
    void aPaymentWhoseMoneyDoesNotReconcileWithTheInvoiceIsKeptForReview() {
        String invoice = seller.openInvoice(1_000);
        String draft = seller.draft(1_000, "EUR");
        String voided = seller.openInvoice(1_000);
        platform.postJson("/v1/invoices/" + voided + "/void", seller.key(), Map.of(), 200);
        String before = amounts(seller, invoice);
        Map<String, byte[]> events = new java.util.LinkedHashMap<>();
        events.put("currency-mismatch", event(id("ev_"), "transfer.received", id("tr_"), invoice, 1_000L, "USD"));
        events.put("amount-missing", event(id("ev_"), "transfer.received", id("tr_"), invoice, null, null));
        events.put("amount-not-positive", event(id("ev_"), "transfer.received", id("tr_"), invoice, 0L, "EUR"));
        events.put("amount-not-positive ", event(id("ev_"), "transfer.received", id("tr_"), invoice, -100L, "EUR"));
        events.put("invoice-not-payable", transferReceived(id("ev_"), id("tr_"), draft, 1_000));
        events.put("invoice-not-payable ", transferReceived(id("ev_"), id("tr_"), voided, 1_000));
        int reviewsBefore = reviews(seller, account).size();

        for (var event : events.entrySet()) {
            assertThat(outcome(deliver(platform, account, secret, event.getValue()))).as(event.getKey())
                    .isEqualTo("review");
        }

        assertThat(reviews(seller, account).subList(reviewsBefore, reviewsBefore + events.size()))
                .extracting(r -> r.get("reason").asText())
                .containsExactlyElementsOf(events.keySet().stream().map(String::strip).toList());
        assertThat(amounts(seller, invoice)).isEqualTo(before);
        assertThat(seller.payments(invoice)).isEmpty();
        assertThat(seller.payments(draft)).isEmpty();
        assertThat(seller.payments(voided)).isEmpty();
        assertThat(seller.invoice(draft).get("status").asText()).isEqualTo("draft");
        assertThat(seller.invoice(voided).get("status").asText()).isEqualTo("void");
    }

    // -------------------------------------------------------------------------------- what happened is recorded

    @Test
    void aPaymentAnnouncedForAnInvoiceAlreadyPaidBecomesCustomerCredit() {
        TenantFixture tenant = TenantFixture.create(platform, "webhooked-paid", "EUR")
                .enableProvider(ExampleBankTransfer.PROVIDER, true);
        String mySecret = ExampleBankTransfer.newSecret();
        JsonNode myAccount = platform.postJson("/v1/provider-accounts", tenant.key(),
                ExampleBankTransfer.account(mySecret), 201);
        String invoice = tenant.openInvoice(1_000);
        TestPlatform.expect(tenant.pay(invoice, Map.of("amount", 1_000, "currency", "EUR", "method", "cash")), 201);

        // The money arrived at the bank: it is recorded, not refused as a payment by hand would be (409 invoice-paid).
        assertThat(outcome(deliver(platform, myAccount, mySecret, transferReceived(id("ev_"), id("tr_"), invoice,
                700)))).isEqualTo("payment_recorded");

        JsonNode payment = tenant.payments(invoice).get(1);
        assertThat(payment.get("appliedAmount").asLong()).isZero();
        assertThat(payment.get("excessAmount").asLong()).isEqualTo(700);
        assertThat(tenant.invoice(invoice).get("status").asText()).isEqualTo("paid");
        assertThat(tenant.invoice(invoice).get("amountPaid").asLong()).isEqualTo(1_000);
        assertThat(tenant.creditBalance("EUR")).isEqualTo(700);
    }

    @Test
    void aPaymentAnnouncedForAnUncollectibleInvoicePaysIt() {
        String invoice = seller.openInvoice(1_000);
        platform.postJson("/v1/invoices/" + invoice + "/mark-uncollectible", seller.key(), Map.of(), 200);
        assertThat(outcome(deliver(platform, account, secret, transferReceived(id("ev_"), id("tr_"), invoice,
                1_000)))).isEqualTo("payment_recorded");
        assertThat(seller.invoice(invoice).get("status").asText()).isEqualTo("paid");
    }

    @Test
    void aRefundAnnouncedBeforeItsPaymentMovesNoMoneyAndThePaymentIsStillRecordedWhenItArrives() {
        String invoice = seller.openInvoice(1_000);
        String transfer = id("tr_");
        byte[] returned = event(id("ev_"), "transfer.returned", transfer, invoice, 1_000L, "EUR");
        byte[] received = transferReceived(id("ev_"), transfer, invoice, 1_000);
        int refundsAudited = seller.audit("payment.refunded").size();

        assertThat(outcome(deliver(platform, account, secret, returned))).isEqualTo("recorded");
        assertThat(amounts(seller, invoice)).isEqualTo("open paid=0 due=1000");
        List<TenantFixture.AuditEntry> refunds = seller.audit("payment.refunded");
        assertThat(refunds).hasSize(refundsAudited + 1);
        assertThat(refunds.get(refunds.size() - 1).entityId()).isEqualTo(invoice);
        assertThat(refunds.get(refunds.size() - 1).after().get("paymentReference").asText()).isEqualTo(transfer);

        assertThat(outcome(deliver(platform, account, secret, received))).isEqualTo("payment_recorded");
        assertThat(amounts(seller, invoice)).isEqualTo("paid paid=1000 due=0");
        // The late replay of the earlier event changes nothing either.
        assertThat(outcome(deliver(platform, account, secret, returned))).isEqualTo("duplicate");
        assertThat(amounts(seller, invoice)).isEqualTo("paid paid=1000 due=0");
    }

    @Test
    void anEventOfATypeThePlatformDoesNotActOnIsRecordedAndAcknowledged() {
        String invoice = seller.openInvoice(1_000);
        int accepted = acceptedEvents();
        assertThat(outcome(deliver(platform, account, secret, event(id("ev_"), "transfer.pending", id("tr_"),
                invoice, 1_000L, "EUR")))).isEqualTo("recorded");
        assertThat(acceptedEvents()).isEqualTo(accepted + 1);
        assertThat(amounts(seller, invoice)).isEqualTo("open paid=0 due=1000");
    }

    @Test
    void aPaymentByWebhookIsAuditedAsTheProvidersAccountAndNamesTheProvidersReference() {
        String invoice = seller.openInvoice(1_000);
        String transfer = id("tr_");
        int recorded = seller.audit("invoice.payment_recorded").size();
        assertThat(outcome(deliver(platform, account, secret, transferReceived(id("ev_"), transfer, invoice,
                1_000)))).isEqualTo("payment_recorded");

        JsonNode payment = seller.payments(invoice).get(0);
        assertThat(payment.get("method").asText()).isEqualTo("provider");
        assertThat(payment.get("provider").asText()).isEqualTo(ExampleBankTransfer.PROVIDER);
        assertThat(payment.get("providerReference").asText()).isEqualTo(transfer);
        List<TenantFixture.AuditEntry> entries = seller.audit("invoice.payment_recorded");
        assertThat(entries).hasSize(recorded + 1);
        TenantFixture.AuditEntry entry = entries.get(entries.size() - 1);
        assertThat(entry.entityId()).isEqualTo(invoice);
        assertThat(entry.actorType()).isEqualTo("provider_webhook");
        assertThat(entry.actorId()).isEqualTo(account.get("id").asText());
        assertThat(rows("SELECT count(*) FROM webhook_events WHERE tenant_id = :tenant AND account_id = :account"
                + " AND outcome = 'payment_recorded' AND payment_id = '" + payment.get("id").asText() + "'"))
                .isEqualTo(1);
    }

    @Test
    void aWebhookAndAPaymentByHandRacingForTheLastCentLoseNoMoney() throws Exception {
        for (int round = 0; round < 3; round++) {
            TenantFixture tenant = TenantFixture.create(platform, "webhooked-race-" + round, "EUR")
                    .enableProvider(ExampleBankTransfer.PROVIDER, true);
            String mySecret = ExampleBankTransfer.newSecret();
            JsonNode myAccount = platform.postJson("/v1/provider-accounts", tenant.key(),
                    ExampleBankTransfer.account(mySecret), 201);
            String invoice = tenant.openInvoice(1_000);

            List<Response> responses = allAtOnce(List.of(
                    ExampleBankTransfer.delivery(platform, myAccount, mySecret, transferReceived(id("ev_"), id("tr_"),
                            invoice, 1_000)),
                    platform.request("/v1/invoices/" + invoice + "/payments", tenant.key()).buildPost(Entity.json(
                            Map.of("amount", 1_000, "currency", "EUR", "method", "bank_transfer")))));

            assertThat(outcome(responses.get(0))).isEqualTo("payment_recorded");
            int byHand = responses.get(1).getStatus();
            assertThat(byHand).as("round %d", round).isIn(201, 409);
            // Either the webhook came second and its money became credit, or the payment by hand came second and
            // was refused as a payment of a paid invoice. Paid once, and every cent received is accounted for.
            JsonNode paid = tenant.invoice(invoice);
            assertThat(paid.get("amountPaid").asLong()).isEqualTo(1_000);
            assertThat(paid.get("amountDue").asLong()).isZero();
            long received = 0;
            for (JsonNode payment : tenant.payments(invoice)) {
                received += payment.get("amount").asLong();
            }
            assertThat(received).isEqualTo(byHand == 201 ? 2_000 : 1_000);
            assertThat(tenant.creditBalance("EUR")).isEqualTo(received - 1_000);
        }
    }
}
