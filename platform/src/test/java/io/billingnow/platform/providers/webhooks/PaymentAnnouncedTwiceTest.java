package io.billingnow.platform.providers.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.billingnow.platform.identity.auth.Role;
import io.billingnow.platform.core.tx.TenantTransactions;
import io.billingnow.platform.billing.payments.Payment;
import io.billingnow.platform.billing.payments.PaymentDao;
import io.billingnow.platform.providers.plugins.TestPlugins;
import io.billingnow.platform.tenancy.Tenant;
import io.billingnow.platform.testing.TestPlatform;
import io.billingnow.sdk.testkit.FakeHttpServer;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One payment announced by several provider events is recorded once: Stripe's checkout.session.completed and
 * payment_intent.succeeded (both naming the PaymentIntent), Adyen's AUTHORISATION and CAPTURE, GoCardless's
 * confirmed and paid_out. Real HTTP, deliveries signed the way each provider signs them, and the database's unique
 * constraint checked on its own, without the service.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class PaymentAnnouncedTwiceTest {

    static final String GOCARDLESS_TOKEN = "sandbox_FakeTokenForDuplicateTests";
    /** GoCardless payment id to the payment resource its fake API answers (events carry no amount). */
    static final Map<String, String> GOCARDLESS_PAYMENTS = new ConcurrentHashMap<>();
    static final FakeHttpServer GOCARDLESS = fakeGoCardless();
    static final TestPlatform platform = new TestPlatform(
            ConfigOverride.config("plugins.directory", TestPlugins.folder().toString()));

    @RegisterExtension
    static final DropwizardAppExtension<?> APP = platform.app();

    static final SecureRandom RANDOM = new SecureRandom();
    static Tenant tenant;
    static String key;
    static String customerId;

    @BeforeAll
    static void aTenantWithThreeProvidersAndACustomer() {
        tenant = platform.createTenant("paid-twice", "EUR");
        key = platform.apiKey(tenant, Role.OWNER);
        String operator = platform.operatorToken(false);
        for (String provider : List.of("stripe", "adyen", "gocardless")) {
            TestPlatform.expect(platform.patch("/admin/v1/tenants/" + tenant.id() + "/providers/" + provider,
                    operator, null, Map.of("enabled", true)), 200);
        }
        customerId = platform.postJson("/v1/customers", key, Map.of("name", "Doppel GmbH", "email",
                "ap@doppel.example", "country", "DE"), 201).get("id").asText();
    }

    @AfterAll
    static void stopFakes() {
        GOCARDLESS.close();
    }

    // ------------------------------------------------------------------------------------------------- Stripe

    @Test
    void stripeAnnouncingAFullPaymentTwiceRecordsItOnceAndCreatesNoCredit() throws Exception {
        String secret = stripeSecret();
        JsonNode account = stripeAccount(secret);
        String invoiceId = openInvoice(10_000);
        String paymentIntent = "pi_" + random();

        byte[] completed = checkoutCompleted("evt_" + random(), paymentIntent, invoiceId, 11_900);
        byte[] succeeded = paymentIntentSucceeded("evt_" + random(), paymentIntent, invoiceId, 11_900);
        assertThat(outcome(deliverStripe(account, secret, completed))).isEqualTo("payment_recorded");
        assertThat(outcome(deliverStripe(account, secret, succeeded))).isEqualTo("duplicate_payment");

        JsonNode invoice = platform.getJson("/v1/invoices/" + invoiceId, key, 200);
        assertThat(invoice.get("status").asText()).isEqualTo("paid");
        assertThat(invoice.get("amountDue").asLong()).isZero();
        assertThat(invoice.get("amountPaid").asLong()).isEqualTo(11_900);
        JsonNode payments = payments(invoiceId);
        assertThat(payments).hasSize(1);
        assertThat(payments.get(0).get("providerReference").asText()).isEqualTo(paymentIntent);
        assertThat(creditBalance()).isEmpty();
        assertThat(auditActions()).contains("payment.duplicate_announcement");

        // Replaying either delivery is still acknowledged and still changes nothing.
        assertThat(outcome(deliverStripe(account, secret, succeeded))).isEqualTo("duplicate");
        assertThat(payments(invoiceId)).hasSize(1);
    }

    @Test
    void stripeAnnouncingAPartialPaymentTwiceAppliesItOnceAndTheInvoiceStaysOpen() throws Exception {
        String secret = stripeSecret();
        JsonNode account = stripeAccount(secret);
        String invoiceId = openInvoice(10_000);
        String paymentIntent = "pi_" + random();

        // This time payment_intent.succeeded comes first: the order Stripe sends them in is not guaranteed.
        byte[] succeeded = paymentIntentSucceeded("evt_" + random(), paymentIntent, invoiceId, 4_000);
        byte[] completed = checkoutCompleted("evt_" + random(), paymentIntent, invoiceId, 4_000);
        assertThat(outcome(deliverStripe(account, secret, succeeded))).isEqualTo("payment_recorded");
        assertThat(outcome(deliverStripe(account, secret, completed))).isEqualTo("duplicate_payment");

        JsonNode invoice = platform.getJson("/v1/invoices/" + invoiceId, key, 200);
        assertThat(invoice.get("status").asText()).isEqualTo("open");
        assertThat(invoice.get("amountPaid").asLong()).isEqualTo(4_000);
        assertThat(invoice.get("amountDue").asLong()).isEqualTo(7_900);
        assertThat(payments(invoiceId)).hasSize(1);

        // A second, genuinely different payment of the rest is still recorded.
        byte[] rest = paymentIntentSucceeded("evt_" + random(), "pi_" + random(), invoiceId, 7_900);
        assertThat(outcome(deliverStripe(account, secret, rest))).isEqualTo("payment_recorded");
        assertThat(platform.getJson("/v1/invoices/" + invoiceId, key, 200).get("status").asText()).isEqualTo("paid");
        assertThat(creditBalance()).isEmpty();
    }

    @Test
    void bothStripeEventsDeliveredAtTheSameTimeRecordOnePaymentAndBothAreAcknowledged() throws Exception {
        String secret = stripeSecret();
        JsonNode account = stripeAccount(secret);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                String invoiceId = openInvoice(10_000);
                String paymentIntent = "pi_" + random();
                List<byte[]> events = List.of(
                        checkoutCompleted("evt_" + random(), paymentIntent, invoiceId, 11_900),
                        paymentIntentSucceeded("evt_" + random(), paymentIntent, invoiceId, 11_900));
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Response>> deliveries = new ArrayList<>();
                for (byte[] event : events) {
                    deliveries.add(pool.submit(() -> {
                        Invocation signed = stripeDelivery(account, secret, event);
                        start.await();
                        return TestPlatform.buffered(signed.invoke());
                    }));
                }
                start.countDown();
                List<String> outcomes = new ArrayList<>();
                for (Future<Response> delivery : deliveries) {
                    outcomes.add(outcome(delivery.get(30, TimeUnit.SECONDS)));
                }
                assertThat(outcomes).as("round %d", round)
                        .containsExactlyInAnyOrder("payment_recorded", "duplicate_payment");
                assertThat(payments(invoiceId)).hasSize(1);
                assertThat(platform.getJson("/v1/invoices/" + invoiceId, key, 200).get("amountDue").asLong())
                        .isZero();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(creditBalance()).isEmpty();
    }

    // ------------------------------------------------------------------------------------ the database's rule

    @Test
    void theDatabaseRefusesASecondPaymentOfTheSameReferenceEvenWhenTheServiceIsBypassed() throws Exception {
        try (Connection c = platform.database().superuserConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT c.contype, array_agg(a.attname::text ORDER BY k.ord)
                FROM pg_constraint c
                CROSS JOIN LATERAL unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord)
                JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
                WHERE c.conname = 'payments_provider_reference_once' AND c.conrelid = 'payments'::regclass
                GROUP BY c.contype""");
             ResultSet rs = ps.executeQuery()) {
            assertThat(rs.next()).as("the unique constraint exists").isTrue();
            assertThat(rs.getString(1)).isEqualTo("u");
            assertThat((String[]) rs.getArray(2).getArray())
                    .containsExactly("tenant_id", "provider_account_id", "provider_reference");
        }

        String accountId = stripeAccount(stripeSecret()).get("id").asText();
        String otherAccountId = stripeAccount(stripeSecret()).get("id").asText();
        String invoiceId = openInvoice(10_000);
        String reference = "pi_" + random();
        // The application's own database role, under row-level security, without any of the platform's code.
        try (Connection c = platform.database().appConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("SELECT set_config('billingnow.tenant_id', ?, false)")) {
                ps.setString(1, tenant.id().toString());
                ps.execute();
            }
            insertPayment(c, invoiceId, accountId, reference);
            c.commit();
            assertThatThrownBy(() -> insertPayment(c, invoiceId, accountId, reference))
                    .isInstanceOfSatisfying(SQLException.class,
                            e -> assertThat(e.getSQLState()).isEqualTo("23505"));
            c.rollback();
            // The rule is per provider account: another account's payment may carry the same reference.
            insertPayment(c, invoiceId, otherAccountId, reference);
            c.commit();
        }
    }

    @Test
    void aConcurrentSecondInsertOfTheSameReferenceWaitsForTheFirstAndInsertsNothing() throws Exception {
        String accountId = stripeAccount(stripeSecret()).get("id").asText();
        String invoiceId = openInvoice(10_000);
        String reference = "pi_" + random();
        TenantTransactions transactions = new TenantTransactions(platform.jdbi());
        CountDownLatch firstInserted = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> first = pool.submit(() -> transactions.write(tenant.id(), tx -> {
                int inserted = tx.dao(PaymentDao.class).insertOnce(tx.tenant(), payment(invoiceId, reference),
                        UUID.fromString(accountId));
                firstInserted.countDown();
                await(releaseFirst);
                return inserted;
            }));
            await(firstInserted);
            Future<Integer> second = pool.submit(() -> transactions.write(tenant.id(), tx -> tx.dao(PaymentDao.class)
                    .insertOnce(tx.tenant(), payment(invoiceId, reference), UUID.fromString(accountId))));
            Thread.sleep(300);
            assertThat(second.isDone()).as("the second insert waits for the first transaction").isFalse();
            releaseFirst.countDown();
            assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(second.get(30, TimeUnit.SECONDS)).as("no error, nothing inserted").isZero();
        } finally {
            releaseFirst.countDown();
            pool.shutdownNow();
        }
        assertThat(payments(invoiceId)).hasSize(1);
    }

    // -------------------------------------------------------------------------------------- Adyen, GoCardless

    @Test
    void adyenAuthorisationAndCaptureOfOnePaymentRecordItOnce() throws Exception {
        String hmacKey = HexFormat.of().withUpperCase().formatHex(randomBytes(32));
        JsonNode account = platform.postJson("/v1/provider-accounts", key, Map.of("providerId", "adyen",
                "displayName", "Adyen (test)", "credentials", Map.of("api_key", "AQEyhmfxFakeKeyForDuplicateTests",
                        "merchant_account", "DoppelECOM"), "webhookSecret", hmacKey), 201);
        String invoiceId = openInvoice(10_000);
        String psp = "PSP" + random().substring(0, 12).toUpperCase();

        byte[] authorisation = adyenNotification(hmacKey, psp, "", "AUTHORISATION", invoiceId, 11_900);
        byte[] capture = adyenNotification(hmacKey, "CAP" + psp, psp, "CAPTURE", invoiceId, 11_900);
        assertThat(outcome(deliver(account, authorisation, Map.of()))).isEqualTo("payment_recorded");
        assertThat(outcome(deliver(account, capture, Map.of()))).isEqualTo("recorded");
        assertThat(outcome(deliver(account, authorisation, Map.of()))).isEqualTo("duplicate");

        assertThat(payments(invoiceId)).hasSize(1);
        assertThat(payments(invoiceId).get(0).get("providerReference").asText()).isEqualTo(psp);
        assertThat(platform.getJson("/v1/invoices/" + invoiceId, key, 200).get("status").asText()).isEqualTo("paid");
        assertThat(creditBalance()).isEmpty();
    }

    @Test
    void goCardlessConfirmedAndPaidOutOfOnePaymentRecordItOnce() throws Exception {
        String secret = "gc_whsec_" + random();
        JsonNode account = platform.postJson("/v1/provider-accounts", key, Map.of("providerId", "gocardless",
                "displayName", "GoCardless (test)", "credentials", Map.of("access_token", GOCARDLESS_TOKEN,
                        "api_base_url", GOCARDLESS.baseUri().toString()), "webhookSecret", secret), 201);
        String invoiceId = openInvoice(10_000);
        String payment = "PM" + random().substring(0, 12).toUpperCase();
        GOCARDLESS_PAYMENTS.put(payment, "{\"payments\":{\"id\":\"" + payment + "\",\"amount\":11900,"
                + "\"currency\":\"EUR\",\"status\":\"confirmed\",\"metadata\":{\"invoice_reference\":\"" + invoiceId
                + "\"}}}");

        byte[] confirmed = goCardlessEvents("EV" + random(), "confirmed", payment, invoiceId);
        byte[] paidOut = goCardlessEvents("EV" + random(), "paid_out", payment, invoiceId);
        // GoCardless may announce the same confirmation again under a new event id (a resent webhook).
        byte[] confirmedAgain = goCardlessEvents("EV" + random(), "confirmed", payment, invoiceId);
        assertThat(outcome(deliver(account, confirmed, goCardlessSignature(secret, confirmed))))
                .isEqualTo("payment_recorded");
        assertThat(outcome(deliver(account, paidOut, goCardlessSignature(secret, paidOut)))).isEqualTo("recorded");
        assertThat(outcome(deliver(account, confirmedAgain, goCardlessSignature(secret, confirmedAgain))))
                .isEqualTo("duplicate_payment");

        assertThat(payments(invoiceId)).hasSize(1);
        JsonNode invoice = platform.getJson("/v1/invoices/" + invoiceId, key, 200);
        assertThat(invoice.get("status").asText()).isEqualTo("paid");
        assertThat(invoice.get("amountDue").asLong()).isZero();
        assertThat(creditBalance()).isEmpty();
    }

    // ------------------------------------------------------------------------------------------------- helpers

    static String random() {
        return HexFormat.of().formatHex(randomBytes(12));
    }

    static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("latch not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Payment payment(String invoiceId, String reference) {
        Instant now = Instant.now();
        return new Payment(UUID.randomUUID(), UUID.fromString(invoiceId), "payment", "provider", 100, "EUR", 100, 0,
                reference, "stripe", reference, now, now);
    }

    static void insertPayment(Connection c, String invoiceId, String accountId, String reference)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO payments (tenant_id, id, invoice_id, kind, method, amount, currency, applied_amount,
                                      excess_amount, provider, provider_reference, provider_account_id, received_at,
                                      created_at)
                VALUES (?, ?, ?, 'payment', 'provider', 100, 'EUR', 100, 0, 'stripe', ?, ?, ?, ?)""")) {
            Timestamp now = Timestamp.from(Instant.now());
            ps.setObject(1, tenant.id().value());
            ps.setObject(2, UUID.randomUUID());
            ps.setObject(3, UUID.fromString(invoiceId));
            ps.setString(4, reference);
            ps.setObject(5, UUID.fromString(accountId));
            ps.setTimestamp(6, now);
            ps.setTimestamp(7, now);
            ps.executeUpdate();
        }
    }

    /** A finalized invoice of one line with 19 % VAT on {@code net}. */
    static String openInvoice(long net) {
        String id = platform.postJson("/v1/invoices", key, Map.of("customerId", customerId, "currency", "EUR",
                "lines", List.of(Map.of("description", "Consulting", "quantity", "1", "unitAmount", net,
                        "taxRates", List.of(Map.of("name", "VAT 19%", "category", "S", "percent", 19))))), 201)
                .get("id").asText();
        platform.postJson("/v1/invoices/" + id + "/finalize", key, Map.of(), 200);
        return id;
    }

    static JsonNode payments(String invoiceId) {
        return platform.getJson("/v1/invoices/" + invoiceId + "/payments", key, 200).get("data");
    }

    static JsonNode creditBalance() {
        return platform.getJson("/v1/customers/" + customerId + "/credit-balance", key, 200).get("data");
    }

    static List<String> auditActions() {
        return new TenantTransactions(platform.jdbi()).read(tenant.id(), tx -> tx.handle()
                .createQuery("SELECT action FROM audit_log WHERE tenant_id = :tenant ORDER BY seq")
                .bind("tenant", tenant.id().value()).mapTo(String.class).list());
    }

    static String outcome(Response response) {
        JsonNode body = TestPlatform.expect(response, 200);
        assertThat(body.get("events")).hasSize(1);
        return body.get("events").get(0).get("outcome").asText();
    }

    static Response deliver(JsonNode account, byte[] body, Map<String, String> headers) {
        Invocation.Builder request = platform.request(URI.create(account.get("webhookUrl").asText()).getPath(), null);
        headers.forEach(request::header);
        return TestPlatform.buffered(request.post(Entity.entity(body, "application/json")));
    }

    static String hmacHex(byte[] key, byte[]... parts) throws Exception {
        return HexFormat.of().formatHex(hmac(key, parts));
    }

    static byte[] hmac(byte[] key, byte[]... parts) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        for (byte[] part : parts) {
            mac.update(part);
        }
        return mac.doFinal();
    }

    // Stripe: Stripe-Signature is t=<unix seconds>,v1=HMAC-SHA256(secret, "<t>." + body), hex.

    static String stripeSecret() {
        return "whsec_" + Base64.getEncoder().encodeToString(randomBytes(24));
    }

    static JsonNode stripeAccount(String webhookSecret) {
        return platform.postJson("/v1/provider-accounts", key, Map.of("providerId", "stripe", "displayName",
                "Stripe (test)", "credentials", Map.of("secret_key", "sk_test_51FakeKeyForDuplicateTests0123"),
                "webhookSecret", webhookSecret), 201);
    }

    static Invocation stripeDelivery(JsonNode account, String secret, byte[] body) throws Exception {
        long t = Instant.now().getEpochSecond();
        String signature = "t=" + t + ",v1=" + hmacHex(secret.getBytes(StandardCharsets.UTF_8),
                (t + ".").getBytes(StandardCharsets.US_ASCII), body);
        return platform.request(URI.create(account.get("webhookUrl").asText()).getPath(), null)
                .header("Stripe-Signature", signature).buildPost(Entity.entity(body, "application/json"));
    }

    static Response deliverStripe(JsonNode account, String secret, byte[] body) throws Exception {
        return TestPlatform.buffered(stripeDelivery(account, secret, body).invoke());
    }

    static byte[] checkoutCompleted(String eventId, String paymentIntent, String invoiceId, long amount) {
        return ("{\"id\":\"" + eventId + "\",\"object\":\"event\",\"type\":\"checkout.session.completed\","
                + "\"created\":" + Instant.now().getEpochSecond() + ",\"data\":{\"object\":{\"id\":\"cs_test_"
                + random() + "\",\"object\":\"checkout.session\",\"mode\":\"payment\",\"status\":\"complete\","
                + "\"payment_status\":\"paid\",\"payment_intent\":\"" + paymentIntent + "\",\"amount_total\":"
                + amount + ",\"currency\":\"eur\",\"client_reference_id\":\"" + invoiceId + "\","
                + "\"metadata\":{\"invoice_reference\":\"" + invoiceId + "\"}}}}").getBytes(StandardCharsets.UTF_8);
    }

    static byte[] paymentIntentSucceeded(String eventId, String paymentIntent, String invoiceId, long amount) {
        return ("{\"id\":\"" + eventId + "\",\"object\":\"event\",\"type\":\"payment_intent.succeeded\","
                + "\"created\":" + Instant.now().getEpochSecond() + ",\"data\":{\"object\":{\"id\":\""
                + paymentIntent + "\",\"object\":\"payment_intent\",\"status\":\"succeeded\",\"amount\":" + amount
                + ",\"amount_received\":" + amount + ",\"currency\":\"eur\","
                + "\"metadata\":{\"invoice_reference\":\"" + invoiceId + "\"}}}}").getBytes(StandardCharsets.UTF_8);
    }

    // Adyen: each item's additionalData.hmacSignature is base64 HMAC-SHA256, keyed with the hex-decoded key, over
    // pspReference:originalReference:merchantAccountCode:merchantReference:value:currency:eventCode:success.

    static byte[] adyenNotification(String hexKey, String psp, String original, String eventCode, String invoiceId,
                                    long amount) throws Exception {
        String signed = String.join(":", psp, original, "DoppelECOM", invoiceId, Long.toString(amount), "EUR",
                eventCode, "true");
        String signature = Base64.getEncoder().encodeToString(hmac(HexFormat.of().parseHex(hexKey),
                signed.getBytes(StandardCharsets.UTF_8)));
        return ("{\"live\":\"false\",\"notificationItems\":[{\"NotificationRequestItem\":{"
                + "\"additionalData\":{\"hmacSignature\":\"" + signature + "\"},"
                + "\"amount\":{\"currency\":\"EUR\",\"value\":" + amount + "},\"eventCode\":\"" + eventCode + "\","
                + "\"eventDate\":\"" + Instant.now() + "\",\"merchantAccountCode\":\"DoppelECOM\","
                + "\"merchantReference\":\"" + invoiceId + "\",\"originalReference\":\"" + original + "\","
                + "\"pspReference\":\"" + psp + "\",\"success\":\"true\"}}]}").getBytes(StandardCharsets.UTF_8);
    }

    // GoCardless: Webhook-Signature is the hex HMAC-SHA256 of the body, keyed with the endpoint secret.

    static byte[] goCardlessEvents(String eventId, String action, String paymentId, String invoiceId) {
        return ("{\"events\":[{\"id\":\"" + eventId + "\",\"created_at\":\"" + Instant.now() + "\","
                + "\"resource_type\":\"payments\",\"action\":\"" + action + "\",\"links\":{\"payment\":\""
                + paymentId + "\"},\"details\":{\"origin\":\"gocardless\",\"cause\":\"payment_" + action + "\"},"
                + "\"metadata\":{},\"resource_metadata\":{\"invoice_reference\":\"" + invoiceId + "\"}}]}")
                .getBytes(StandardCharsets.UTF_8);
    }

    static Map<String, String> goCardlessSignature(String secret, byte[] body) throws Exception {
        return Map.of("Webhook-Signature", hmacHex(secret.getBytes(StandardCharsets.UTF_8), body));
    }

    /** GET /payments/{id} as GoCardless answers it, authenticated by the access token and the API version. */
    static FakeHttpServer fakeGoCardless() {
        try {
            return FakeHttpServer.start(request -> {
                if (!request.headers().first("Authorization").orElse("").equals("Bearer " + GOCARDLESS_TOKEN)
                        || !request.headers().first("GoCardless-Version").orElse("").equals("2015-07-06")) {
                    return FakeHttpServer.Reply.json(401, "{\"error\":{\"type\":\"invalid_api_usage\","
                            + "\"errors\":[{\"reason\":\"unauthorized\"}]}}");
                }
                String payment = request.method().equals("GET") && request.path().startsWith("/payments/")
                        ? GOCARDLESS_PAYMENTS.get(request.path().substring("/payments/".length())) : null;
                return payment != null ? FakeHttpServer.Reply.json(200, payment) : FakeHttpServer.Reply.json(404,
                        "{\"error\":{\"type\":\"invalid_api_usage\",\"errors\":[{\"reason\":\"not_found\"}]}}");
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
