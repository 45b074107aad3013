package io.billingnow.platform.billing.paylinks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.billingnow.platform.identity.auth.Role;
import io.billingnow.platform.providers.plugins.SlowProviderServer;
import io.billingnow.platform.providers.plugins.TestPlugins;
import io.billingnow.platform.tenancy.Tenant;
import io.billingnow.platform.testing.TestPlatform;
import io.billingnow.sdk.testkit.FakeHttpServer;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * How provider calls fail, over real HTTP with the real Stripe plugin and provider servers on loopback: a tenant whose
 * account points at a slow server spends its own concurrency budget and nobody else's (bulkheads), and the provider's
 * answers come back by kind (422 refused, 503 unavailable, 502 broken) without marking the plugin unhealthy.
 * Short deadlines and small budgets keep it quick.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ProviderCallsEndToEndTest {

    static final String GOOD_KEY = "sk_test_goodKey0123456789";
    static final FakeHttpServer STRIPE = fakeStripe();
    static final SlowProviderServer SLOW = SlowProviderServer.start();

    static final TestPlatform platform = new TestPlatform(
            ConfigOverride.config("plugins.directory", TestPlugins.folder().toString()),
            ConfigOverride.config("plugins.callTimeout", "1500ms"),
            ConfigOverride.config("plugins.maxConcurrentCalls", "4"),
            ConfigOverride.config("plugins.callQueue", "0"),
            ConfigOverride.config("plugins.maxConcurrentCallsPerTenant", "2"),
            ConfigOverride.config("plugins.maxConcurrentCallsPerProvider", "3"),
            ConfigOverride.config("plugins.retryAfter", "7s"));

    @RegisterExtension
    static final DropwizardAppExtension<?> APP = platform.app();

    static String operator;

    @BeforeAll
    static void operatorToken() {
        operator = platform.operatorToken(false);
    }

    @AfterAll
    static void stopFakes() {
        STRIPE.close();
        SLOW.close();
    }

    /** A tenant with Stripe enabled, a customer and an owner key. */
    record Seller(Tenant tenant, String key, String customerId) {
    }

    @Test
    void aTenantOverItsBudgetGets503ForItselfWhileOtherTenantsCheckoutsAndWebhooksWork() throws Exception {
        Seller noisy = seller("noisy");
        JsonNode slowAccount = stripeAccount(noisy, "sk_test_noisyKey0123", SLOW.baseUri(), "whsec_noisy");
        List<URI> noisyLinks = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            noisyLinks.add(link(noisy, openInvoice(noisy, 1_000), slowAccount));
        }
        Seller quiet = seller("quiet");
        String quietSecret = "whsec_quiet" + UUID.randomUUID().toString().replace("-", "");
        JsonNode quietAccount = stripeAccount(quiet, GOOD_KEY, STRIPE.baseUri(), quietSecret);
        String quietInvoice = openInvoice(quiet, 10_000);
        URI quietLink = link(quiet, quietInvoice, quietAccount);

        // The noisy tenant opens as many checkouts at once as there are plugin threads.
        HttpClient http = HttpClient.newHttpClient();
        List<CompletableFuture<HttpResponse<String>>> noisyCheckouts = new ArrayList<>();
        for (URI url : noisyLinks.subList(0, 4)) {
            noisyCheckouts.add(http.sendAsync(checkoutRequest(url), HttpResponse.BodyHandlers.ofString()));
        }
        assertThat(SLOW.awaitArrivals(2, 10_000)).as("two checkouts hang at the slow server").isTrue();

        // Its budget (2) is spent: one more is refused at once, for this tenant only.
        HttpResponse<String> refused = http.send(checkoutRequest(noisyLinks.get(4)),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).contains("7");
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode busy = TestPlatform.parse(refused.body());
        assertThat(busy.get("type").asText()).endsWith("/provider-busy");
        assertThat(busy.get("requestId").asText()).isNotBlank();

        // Meanwhile another tenant's checkout and its correctly signed webhook go through.
        HttpResponse<String> quietCheckout = http.send(checkoutRequest(quietLink),
                HttpResponse.BodyHandlers.ofString());
        assertThat(quietCheckout.statusCode()).isEqualTo(303);
        assertThat(quietCheckout.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).startsWith(STRIPE.baseUri() + "/c/pay/cs_test_"));
        byte[] event = paymentIntentSucceeded(quietInvoice, 11_900);
        JsonNode delivered = TestPlatform.expect(platform.request(path(quietAccount.get("webhookUrl").asText()), null)
                .header("Stripe-Signature", stripeSignature(quietSecret, event))
                .post(Entity.entity(event, "application/json")), 200);
        assertThat(delivered.get("events").get(0).get("outcome").asText()).isEqualTo("payment_recorded");
        assertThat(adminHealthcheck().statusCode()).as("/healthcheck while the noisy tenant waits").isEqualTo(200);
        assertThat(SLOW.arrived()).as("refused checkouts never reached the slow server").isEqualTo(2);

        // The noisy tenant's own checkouts: refused at once, or "unavailable" once the deadline passed.
        List<String> outcomes = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> checkout : noisyCheckouts) {
            HttpResponse<String> response = checkout.get(20, TimeUnit.SECONDS);
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).contains("7");
            outcomes.add(TestPlatform.parse(response.body()).get("type").asText().replaceAll(".*/", ""));
        }
        assertThat(outcomes).containsExactlyInAnyOrder("provider-busy", "provider-busy", "provider-unavailable",
                "provider-unavailable");

        // A slow server a tenant configured is that tenant's problem: the plugin stays healthy for everybody.
        assertStripeHealthyAndNoPluginFailure();
        assertThat(platform.getJson("/v1/invoices/" + quietInvoice, quiet.key(), 200).get("status").asText())
                .isEqualTo("paid");
    }

    @Test
    void theProvidersAnswersComeBackByKindAndNoneIsAPluginFault() throws Exception {
        Seller seller = seller("kinds");
        record Expected(String key, int status, String type) {
        }
        List<Expected> cases = List.of(
                new Expected("sk_test_answer401", 422, "provider-refused"),
                new Expected("sk_test_answer400", 422, "provider-refused"),
                new Expected("sk_test_answer503", 503, "provider-unavailable"),
                new Expected("sk_test_answerGarbage", 502, "provider-failed"));
        HttpClient http = HttpClient.newHttpClient();
        for (Expected expected : cases) {
            JsonNode account = stripeAccount(seller, expected.key(), STRIPE.baseUri(), "whsec_kinds");
            URI url = link(seller, openInvoice(seller, 1_000), account);
            HttpResponse<String> response = http.send(checkoutRequest(url), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(expected.key()).isEqualTo(expected.status());
            JsonNode problem = TestPlatform.parse(response.body());
            assertThat(problem.get("type").asText()).as(expected.key()).endsWith("/" + expected.type());
            assertThat(problem.get("detail").asText()).doesNotContain(expected.key());
            assertThat(response.headers().firstValue("Retry-After")).as(expected.key())
                    .isEqualTo(expected.status() == 503 ? java.util.Optional.of("7") : java.util.Optional.empty());
        }
        // Wrong credentials, a refused request, an unreachable or babbling provider: none is the plugin's fault.
        assertStripeHealthyAndNoPluginFailure();
    }

    // ------------------------------------------------------------------------------------------------- helpers

    static void assertStripeHealthyAndNoPluginFailure() throws Exception {
        JsonNode plugins = platform.getJson("/admin/v1/plugins", operator, 200).get("data");
        JsonNode stripe = null;
        for (JsonNode plugin : plugins) {
            for (JsonNode provider : plugin.get("providers")) {
                if (provider.get("descriptor").get("id").asText().equals("stripe")) {
                    stripe = provider;
                }
            }
        }
        assertThat(stripe).as("stripe in " + plugins).isNotNull();
        assertThat(stripe.get("health").get("healthy").asBoolean()).isTrue();
        assertThat(stripe.get("health").get("failures").asLong()).isZero();
        HttpResponse<String> health = adminHealthcheck();
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        try (var c = platform.database().appConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM security_events WHERE kind = 'plugin_failure'")) {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).as("plugin_failure events").isZero();
            }
        }
    }

    static HttpResponse<String> adminHealthcheck() throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + APP.getAdminPort() + "/healthcheck")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static Seller seller(String name) {
        Tenant tenant = platform.createTenant(name + "-" + UUID.randomUUID().toString().substring(0, 8), "EUR");
        String key = platform.apiKey(tenant, Role.OWNER);
        TestPlatform.expect(platform.patch("/admin/v1/tenants/" + tenant.id() + "/providers/stripe", operator, null,
                Map.of("enabled", true)), 200);
        String customer = platform.postJson("/v1/customers", key, Map.of("name", "Kunde " + name, "email",
                "ap@" + name + ".example", "country", "DE"), 201).get("id").asText();
        return new Seller(tenant, key, customer);
    }

    static JsonNode stripeAccount(Seller seller, String secretKey, URI apiBase, String webhookSecret) {
        return platform.postJson("/v1/provider-accounts", seller.key(), Map.of("providerId", "stripe",
                "credentials", Map.of("secret_key", secretKey, "api_base_url", apiBase.toString()),
                "webhookSecret", webhookSecret), 201);
    }

    static String openInvoice(Seller seller, long net) {
        String id = platform.postJson("/v1/invoices", seller.key(), Map.of("customerId", seller.customerId(),
                "currency", "EUR", "lines", List.of(Map.of("description", "Consulting", "quantity", "1",
                        "unitAmount", net, "taxRates", List.of(Map.of("name", "VAT 19%", "category", "S",
                                "percent", 19))))), 201).get("id").asText();
        platform.postJson("/v1/invoices/" + id + "/finalize", seller.key(), Map.of(), 200);
        return id;
    }

    static URI link(Seller seller, String invoiceId, JsonNode account) {
        return URI.create(platform.postJson("/v1/invoices/" + invoiceId + "/payment-links", seller.key(),
                Map.of("providerAccountId", account.get("id").asText()), 201).get("url").asText());
    }

    /** The pay page's form post, as a browser sends it (redirects not followed: the 303 is the answer). */
    static HttpRequest checkoutRequest(URI payUrl) {
        return HttpRequest.newBuilder(URI.create(platform.url(payUrl.getPath() + "/checkout")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.noBody()).build();
    }

    static String path(String url) {
        return URI.create(url).getPath();
    }

    static byte[] paymentIntentSucceeded(String invoiceId, long amount) {
        return ("{\"id\":\"evt_" + UUID.randomUUID() + "\",\"object\":\"event\",\"type\":\"payment_intent.succeeded\","
                + "\"created\":" + Instant.now().getEpochSecond() + ",\"data\":{\"object\":{\"id\":\"pi_"
                + UUID.randomUUID().toString().replace("-", "") + "\",\"object\":\"payment_intent\","
                + "\"amount_received\":" + amount + ",\"currency\":\"eur\","
                + "\"metadata\":{\"invoice_reference\":\"" + invoiceId + "\"}}}}").getBytes(StandardCharsets.UTF_8);
    }

    /** Stripe's scheme: t=unix seconds, v1=HMAC-SHA256(secret, t + "." + body). */
    static String stripeSignature(String secret, byte[] body) throws Exception {
        long t = Instant.now().getEpochSecond();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((t + ".").getBytes(StandardCharsets.US_ASCII));
        return "t=" + t + ",v1=" + HexFormat.of().formatHex(mac.doFinal(body));
    }

    static final AtomicInteger SESSIONS = new AtomicInteger();

    /**
     * Stripe's Checkout Sessions as the real API answers them, chosen by the API key: a good key gets a session,
     * the others get what Stripe sends for a refused key (401), a refused request (400), an outage (503), or a
     * 200 that is not JSON at all.
     */
    static FakeHttpServer fakeStripe() {
        try {
            return FakeHttpServer.start(request -> {
                String key = request.headers().first("Authorization").orElse("").replace("Bearer ", "");
                String error = "{\"error\":{\"type\":\"invalid_request_error\"}}";
                return switch (key) {
                    case GOOD_KEY -> {
                        String id = "cs_test_" + SESSIONS.incrementAndGet();
                        yield FakeHttpServer.Reply.json(200, "{\"id\":\"" + id + "\",\"object\":\"checkout.session\","
                                + "\"url\":\"" + STRIPE.baseUri() + "/c/pay/" + id + "\"}");
                    }
                    case "sk_test_answer400" -> FakeHttpServer.Reply.json(400, error);
                    case "sk_test_answer503" -> FakeHttpServer.Reply.json(503,
                            "{\"error\":{\"type\":\"api_error\"}}");
                    case "sk_test_answerGarbage" -> new FakeHttpServer.Reply(200, "text/html", "<html>oops</html>");
                    default -> FakeHttpServer.Reply.json(401, error);
                };
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
