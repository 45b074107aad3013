package io.billingnow.platform.protection.egress;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.fasterxml.jackson.databind.JsonNode;
import io.billingnow.platform.identity.auth.Role;
import io.billingnow.platform.providers.plugins.TestPlugins;
import io.billingnow.platform.tenancy.Tenant;
import io.billingnow.platform.testing.TestPlatform;
import io.billingnow.sdk.testkit.FakeHttpServer;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.glassfish.jersey.client.ClientProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * The SSRF of the outside review (issue 11, item 1) and the egress policy that closes it, over real HTTP on two nodes
 * sharing one database: {@code loose} runs the test settings (loopback fakes allowed, as every test configuration
 * states explicitly), {@code strict} the production rules (HTTPS, public addresses only) with the operator having
 * added internal hosts for Adyen, so that the address rule, not the allow-list, is what refuses them.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class EgressEndToEndTest {

    static final String SECURITY_LOGGER = "io.billingnow.security";
    static final FakeHttpServer ADYEN = fake();
    static final Path PLUGINS = TestPlugins.folder();
    // Overrides are system properties while a node runs, so each node states every egress setting it relies on.
    static final TestPlatform loose = new TestPlatform(
            ConfigOverride.config("plugins.directory", PLUGINS.toString()),
            ConfigOverride.config("plugins.egress.allowPlainHttp", "true"),
            ConfigOverride.config("plugins.egress.allowLoopback", "true"),
            ConfigOverride.config("plugins.egress.extraHosts.adyen", "127.0.0.1"));
    static final TestPlatform strict = new TestPlatform(loose.database(),
            ConfigOverride.config("plugins.directory", PLUGINS.toString()),
            ConfigOverride.config("plugins.egress.allowPlainHttp", "false"),
            ConfigOverride.config("plugins.egress.allowLoopback", "false"),
            ConfigOverride.config("plugins.egress.extraHosts.adyen",
                    "127.0.0.1,::1,10.0.0.7,169.254.169.254,localhost"));

    @RegisterExtension
    @Order(1)
    static final DropwizardAppExtension<?> LOOSE = loose.app();
    @RegisterExtension
    @Order(2)
    static final DropwizardAppExtension<?> STRICT = strict.app();

    static Tenant tenant;
    static String key;
    static String customerId;

    @BeforeAll
    static void aTenantWithAdyenEnabled() {
        tenant = loose.createTenant("egress", "EUR");
        key = loose.apiKey(tenant, Role.OWNER);
        TestPlatform.expect(loose.patch("/admin/v1/tenants/" + tenant.id() + "/providers/adyen",
                loose.operatorToken(false), null, Map.of("enabled", true)), 200);
        customerId = loose.postJson("/v1/customers", key, Map.of("name", "Payer AG", "email", "ap@payer.example",
                "country", "DE"), 201).get("id").asText();
    }

    @AfterAll
    static void stopFake() {
        ADYEN.close();
    }

    @Test
    void aTenantCannotPointItsProviderAtTheAdminListenerOrAnyInternalAddress() {
        for (String url : List.of(
                "https://127.0.0.1:" + STRICT.getAdminPort() + "/tasks/log-level?logger=" + SECURITY_LOGGER
                        + "&level=OFF&x=",
                "https://10.0.0.7/", "https://169.254.169.254/latest/meta-data/", "https://[::1]:8081/tasks/gc",
                "https://localhost:8081/tasks/gc")) {
            JsonNode problem = TestPlatform.expect(createAdyenAccount(strict, url), 422);
            assertThat(problem.get("type").asText()).as(url).endsWith("/egress-refused");
            assertThat(problem.get("requestId").asText()).isNotBlank();
            assertThat(problem.get("errors")).singleElement().satisfies(error -> {
                assertThat(error.get("pointer").asText()).isEqualTo("/credentials/api_base_url");
                assertThat(error.get("message").asText()).as(url).containsAnyOf("loopback", "private",
                        "metadata");
            });
        }
        assertThat(strict.getJson("/v1/provider-accounts", key, 200).get("data").toString())
                .doesNotContain("10.0.0.7").doesNotContain("tasks");
    }

    @Test
    void productionSettingsAcceptOnlyHttps() {
        JsonNode problem = TestPlatform.expect(createAdyenAccount(strict, "http://checkout-test.adyen.com"), 422);
        assertThat(problem.get("errors").get(0).get("pointer").asText()).isEqualTo("/credentials/api_base_url");
        assertThat(problem.get("errors").get(0).get("message").asText()).contains("only https");
    }

    @Test
    void theAllowListRefusesAHostThePluginDoesNotDeclare() {
        JsonNode problem = TestPlatform.expect(createAdyenAccount(strict, "https://checkout.evil.example"), 422);
        assertThat(problem.get("errors").get(0).get("message").asText()).contains("not an allowed host")
                .contains("*.adyenpayments.com");
    }

    @Test
    void theHostsThePluginDeclaresAreAccepted() {
        // Whether or not these names resolve here: an unresolvable name is not refused when saved.
        TestPlatform.expect(createAdyenAccount(strict, "https://checkout-test.adyen.com"), 201);
        TestPlatform.expect(createAdyenAccount(strict,
                "https://1797a841fbb37ca7-acme-checkout-live.adyenpayments.com/checkout"), 201);
    }

    @Test
    void anOperatorExtendedHostWorksEndToEnd() {
        // The test settings add 127.0.0.1 to Adyen's hosts (as an operator adds a sandbox): the fake is reached.
        int before = ADYEN.received().size();
        Response checkout = checkout(LOOSE, loose, link(createAdyenAccount(loose, ADYEN.baseUri().toString())));
        assertThat(checkout.getStatus()).isEqualTo(303);
        assertThat(ADYEN.received()).hasSize(before + 1);
        assertThat(ADYEN.received().get(before).path()).isEqualTo("/v71/paymentLinks");
    }

    @Test
    void aStoredUrlThePolicyNowRefusesFailsTheCallWithAProblemAndThePluginStaysHealthy() {
        // Saved where loopback was allowed; used where it is not (a configuration changed, a node upgraded).
        URI payUrl = link(createAdyenAccount(loose, ADYEN.baseUri().toString()));
        int before = ADYEN.received().size();

        Response checkout = checkout(STRICT, strict, payUrl);

        assertThat(checkout.getStatus()).isEqualTo(422);
        JsonNode problem = TestPlatform.parse(checkout.readEntity(String.class));
        assertThat(problem.get("type").asText()).endsWith("/egress-refused");
        assertThat(problem.get("detail").asText()).contains("adyen provider account")
                .doesNotContain("127.0.0.1").doesNotContain(ADYEN.baseUri().toString());
        assertThat(ADYEN.received()).hasSize(before);
        JsonNode plugins = strict.getJson("/admin/v1/plugins", strict.operatorToken(true), 200).get("data");
        assertThat(plugins.toString()).contains("adyen");
        for (JsonNode plugin : plugins) {
            for (JsonNode provider : plugin.get("providers")) {
                if (provider.get("descriptor").get("id").asText().equals("adyen")) {
                    assertThat(provider.get("health").get("healthy").asBoolean()).isTrue();
                    assertThat(provider.get("descriptor").get("egressHosts").toString())
                            .contains("*.adyenpayments.com");
                }
            }
        }
    }

    @Test
    void theSsrfFromTheReviewNoLongerSilencesSecurityLogging() {
        Level before = logger().getLevel();
        String ssrf = "http://127.0.0.1:" + LOOSE.getAdminPort() + "/tasks/log-level?logger=" + SECURITY_LOGGER
                + "&level=OFF&x=";
        URI payUrl = link(createAdyenAccount(loose, ssrf));

        // Production rules: refused before anything is sent.
        assertThat(checkout(STRICT, strict, payUrl).getStatus()).isEqualTo(422);
        // Even where a test configuration lets the request out to loopback, the admin task is gone.
        assertThat(checkout(LOOSE, loose, payUrl).getStatus()).isNotEqualTo(500).isNotEqualTo(303);

        assertThat(logger().getLevel()).isEqualTo(before);
        assertThat(logger().isErrorEnabled()).isTrue();
    }

    @Test
    void adminTasksCannotBeUsedWithoutCredentials() throws Exception {
        Level before = logger().getLevel();
        HttpClient http = HttpClient.newHttpClient();
        for (String task : List.of("/tasks/log-level?logger=" + SECURITY_LOGGER + "&level=OFF", "/tasks/gc",
                "/tasks/log-level")) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + LOOSE.getAdminPort() + task))
                    .POST(HttpRequest.BodyPublishers.ofString("logger=" + SECURITY_LOGGER + "&level=OFF"))
                    .header("Content-Type", "application/x-www-form-urlencoded").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(task).isEqualTo(404);
        }
        assertThat(logger().getLevel()).isEqualTo(before);
        // The rest of the admin listener is unchanged.
        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + LOOSE.getAdminPort()
                + "/healthcheck")).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isIn(200, 500);
    }

    // ------------------------------------------------------------------------------------------------- helpers

    static Logger logger() {
        return (Logger) LoggerFactory.getLogger(SECURITY_LOGGER);
    }

    static Response createAdyenAccount(TestPlatform node, String apiBaseUrl) {
        return TestPlatform.buffered(node.post("/v1/provider-accounts", key, Map.of("providerId", "adyen",
                "displayName", "Adyen", "credentials", Map.of("api_key", "AQE_test_key_0123456789abcdef",
                        "merchant_account", "AcmeECOM", "api_base_url", apiBaseUrl),
                "webhookSecret", "00112233445566778899aabbccddeeff")));
    }

    /** A finalized invoice and a payment link for it through the account just created. */
    static URI link(Response createdAccount) {
        String accountId = TestPlatform.expect(createdAccount, 201).get("id").asText();
        String invoiceId = loose.postJson("/v1/invoices", key, Map.of("customerId", customerId, "currency", "EUR",
                "lines", List.of(Map.of("description", "Consulting", "quantity", "1", "unitAmount", 10_000,
                        "taxRates", List.of(Map.of("name", "VAT 19%", "category", "S", "percent", 19))))), 201).get("id").asText();
        loose.postJson("/v1/invoices/" + invoiceId + "/finalize", key, Map.of(), 200);
        return URI.create(loose.postJson("/v1/invoices/" + invoiceId + "/payment-links", key,
                Map.of("providerAccountId", accountId), 201).get("url").asText());
    }

    static Response checkout(DropwizardAppExtension<?> app, TestPlatform node, URI payUrl) {
        return TestPlatform.buffered(app.client().target(node.url(payUrl.getPath() + "/checkout"))
                .property(ClientProperties.FOLLOW_REDIRECTS, false).request()
                .post(Entity.form(new Form(new MultivaluedHashMap<>()))));
    }

    /** Adyen's Checkout API as far as payment links go: a link for the amount, valid for an hour. */
    static FakeHttpServer fake() {
        try {
            return FakeHttpServer.start(request -> FakeHttpServer.Reply.json(201, "{\"id\":\"PL" + System.nanoTime()
                    + "\",\"url\":\"https://test.adyen.link/PL1\",\"expiresAt\":\""
                    + java.time.Instant.now().plusSeconds(3600) + "\",\"status\":\"active\"}"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
