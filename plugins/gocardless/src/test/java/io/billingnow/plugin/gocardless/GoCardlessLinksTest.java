package io.billingnow.plugin.gocardless;

import com.fasterxml.jackson.databind.JsonNode;
import io.billingnow.sdk.CredentialCheckRequest;
import io.billingnow.sdk.CredentialCheckResult;
import io.billingnow.sdk.Credentials;
import io.billingnow.sdk.Headers;
import io.billingnow.sdk.Money;
import io.billingnow.sdk.PaymentProvider;
import io.billingnow.sdk.ProviderContext;
import io.billingnow.sdk.ProviderException;
import io.billingnow.sdk.TenantContext;
import io.billingnow.sdk.link.InvoiceView;
import io.billingnow.sdk.link.PaymentLink;
import io.billingnow.sdk.link.PaymentLinkCancellation;
import io.billingnow.sdk.link.PaymentLinkRequest;
import io.billingnow.sdk.testkit.FakeHttpServer;
import io.billingnow.sdk.testkit.LoopbackHttpTransport;
import io.billingnow.sdk.webhook.EventType;
import io.billingnow.sdk.webhook.WebhookEvent;
import io.billingnow.sdk.webhook.WebhookRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GoCardlessLinksTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final TenantContext TENANT = new TenantContext("t-9", "plumber");
    private FakeGoCardless gocardless;
    private PaymentProvider provider;

    @BeforeEach
    void start() throws Exception {
        gocardless = new FakeGoCardless(NOW);
        provider = new GoCardlessProviderFactory().create(
                new ProviderContext(new LoopbackHttpTransport(), Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    @AfterEach
    void stop() {
        gocardless.close();
    }

    private Credentials credentials(String token) {
        return new Credentials(Map.of("access_token", token, "api_base_url", gocardless.baseUri().toString()),
                List.of());
    }

    private PaymentLinkRequest request(Instant expiresAt, String token) {
        return new PaymentLinkRequest(TENANT,
                new InvoiceView("inv-900", "P-900", Optional.of("Joan Clarke"), Optional.of("joan@example.test"),
                        "Boiler repair"),
                new Money(18_000, "GBP"), URI.create("https://plumber.billingnow.test/paid"),
                URI.create("https://plumber.billingnow.test/cancel"), expiresAt, credentials(token));
    }

    @Test
    void createsABillingRequestThenAFlowAndReturnsItsAuthorisationUrl() throws Exception {
        PaymentLink link = provider.createPaymentLink(request(NOW.plus(Duration.ofDays(2)), FakeGoCardless.TOKEN));
        assertThat(link.url().toString()).startsWith("https://pay-sandbox.gocardless.com/billing/static/flow?id=BRF");
        assertThat(link.providerReference()).isEqualTo("BRQ1");
        assertThat(link.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(2)));

        List<FakeHttpServer.Received> sent = gocardless.server().received();
        assertThat(sent).extracting(FakeHttpServer.Received::path)
                .containsExactly("/billing_requests", "/billing_request_flows");
        assertThat(sent).allSatisfy(r -> {
            assertThat(r.headers().first("Authorization")).contains("Bearer " + FakeGoCardless.TOKEN);
            assertThat(r.headers().first("GoCardless-Version")).contains("2015-07-06");
        });
        JsonNode br = FakeGoCardless.JSON.readTree(sent.get(0).body()).path("billing_requests");
        assertThat(br.path("payment_request").path("amount").asLong()).isEqualTo(18_000);
        assertThat(br.path("payment_request").path("currency").asText()).isEqualTo("GBP");
        assertThat(br.path("payment_request").path("description").asText()).contains("P-900");
        assertThat(br.path("payment_request").path("metadata").path("invoice_reference").asText()).isEqualTo("inv-900");
        assertThat(br.path("metadata").path("tenant_id").asText()).isEqualTo("t-9");
        JsonNode flow = FakeGoCardless.JSON.readTree(sent.get(1).body()).path("billing_request_flows");
        assertThat(flow.path("redirect_uri").asText()).isEqualTo("https://plumber.billingnow.test/paid");
        assertThat(flow.path("exit_uri").asText()).isEqualTo("https://plumber.billingnow.test/cancel");
        assertThat(flow.path("links").path("billing_request").asText()).isEqualTo("BRQ1");
    }

    @Test
    void flowExpiringBeforeTheRequestedExpiryReportsTheFlowsExpiry() throws Exception {
        gocardless.flowLifetime = Duration.ofDays(7);
        PaymentLink link = provider.createPaymentLink(request(NOW.plus(Duration.ofDays(30)), FakeGoCardless.TOKEN));
        assertThat(link.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(7)));
    }

    @Test
    void retriedRequestReusesTheBillingRequestGoCardlessAlreadyCreated() throws Exception {
        Instant expiry = NOW.plus(Duration.ofDays(2));
        PaymentLink first = provider.createPaymentLink(request(expiry, FakeGoCardless.TOKEN));
        PaymentLink retry = provider.createPaymentLink(request(expiry, FakeGoCardless.TOKEN));
        assertThat(retry.providerReference()).isEqualTo(first.providerReference());
    }

    @Test
    void refusedTokenIsInvalidCredentialsAndServerErrorsAreRetryable() {
        assertThatThrownBy(() -> provider.createPaymentLink(request(NOW.plus(Duration.ofDays(1)), "sandbox_wrong")))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProviderException.Kind.INVALID_CREDENTIALS);
                    assertThat(e.getMessage()).doesNotContain("sandbox_wrong");
                });
        gocardless.forcedStatus = 502;
        assertThatThrownBy(() -> provider.createPaymentLink(request(NOW.plus(Duration.ofDays(1)), FakeGoCardless.TOKEN)))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.getMessage()).doesNotContain(FakeGoCardless.TOKEN);
                });
    }

    @Test
    void revokingCancelsTheBillingRequestAndARepeatedCancelStillSucceeds() throws Exception {
        PaymentLink link = provider.createPaymentLink(request(NOW.plus(Duration.ofDays(2)), FakeGoCardless.TOKEN));
        PaymentLinkCancellation cancel = new PaymentLinkCancellation(TENANT, link.providerReference(),
                credentials(FakeGoCardless.TOKEN));
        provider.cancelPaymentLink(cancel);
        assertThat(gocardless.billingRequests).containsEntry(link.providerReference(), "cancelled");
        FakeHttpServer.Received sent = gocardless.server().received().get(2);
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.path()).isEqualTo("/billing_requests/" + link.providerReference() + "/actions/cancel");
        assertThat(sent.headers().first("Authorization")).contains("Bearer " + FakeGoCardless.TOKEN);
        assertThat(sent.headers().first("GoCardless-Version")).contains("2015-07-06");

        // GoCardless refuses to cancel twice (422 invalid_state); the request is then read back and found closed.
        provider.cancelPaymentLink(cancel);
        assertThat(gocardless.server().received()).extracting(FakeHttpServer.Received::path).endsWith(
                "/billing_requests/" + link.providerReference() + "/actions/cancel",
                "/billing_requests/" + link.providerReference());
    }

    @Test
    void aBillingRequestThatCannotBeCancelledOrFoundIsARefusal() throws Exception {
        assertThatThrownBy(() -> provider.cancelPaymentLink(new PaymentLinkCancellation(TENANT, "BRQ404",
                credentials(FakeGoCardless.TOKEN)))).isInstanceOfSatisfying(ProviderException.class,
                e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.INVALID_REQUEST));
        assertThatThrownBy(() -> provider.cancelPaymentLink(new PaymentLinkCancellation(TENANT, "../creditors",
                credentials(FakeGoCardless.TOKEN)))).isInstanceOfSatisfying(ProviderException.class,
                e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.INVALID_REQUEST));
        assertThat(gocardless.server().received()).extracting(FakeHttpServer.Received::path)
                .doesNotContain("/creditors");
    }

    @Test
    void aConfirmedPaymentGetsItsAmountFromTheApiAndPaidOutNamesTheSamePayment() throws Exception {
        String secret = GoCardlessSamples.newSecret();
        gocardless.payment("PM7", 18_000, "GBP", "confirmed", "inv-900");
        byte[] body = GoCardlessSamples.events(
                GoCardlessSamples.event("EV1", "payments", "confirmed", "PM7", null, NOW),
                GoCardlessSamples.event("EV2", "payments", "paid_out", "PM7", "inv-900", NOW),
                GoCardlessSamples.event("EV3", "payments", "confirmed", "PM8", "inv-901", NOW));
        List<WebhookEvent> events = provider.verifyWebhook(new WebhookRequest(TENANT, body, Headers.of(
                "Webhook-Signature", GoCardlessSamples.signature(body, secret)),
                new Credentials(credentials(FakeGoCardless.TOKEN).values(), List.of(secret)))).events();

        assertThat(events.get(0).type()).isEqualTo(EventType.PAYMENT_SUCCEEDED);
        assertThat(events.get(0).amount()).contains(new Money(18_000, "GBP"));
        assertThat(events.get(0).invoiceReference()).contains("inv-900");
        assertThat(events.get(1).type()).isEqualTo(EventType.OTHER);
        assertThat(events.get(1).paymentReference()).isEqualTo(events.get(0).paymentReference());
        // A payment the API does not show stays without amount: the host keeps it for review.
        assertThat(events.get(2).amount()).isEmpty();
        assertThat(gocardless.server().received()).extracting(FakeHttpServer.Received::path)
                .containsExactly("/payments/PM7", "/payments/PM8");
    }

    @Test
    void credentialCheckListsCreditors() {
        assertThat(provider.checkCredentials(new CredentialCheckRequest(TENANT, credentials(FakeGoCardless.TOKEN)))
                .status()).isEqualTo(CredentialCheckResult.Status.VALID);
        assertThat(provider.checkCredentials(new CredentialCheckRequest(TENANT, credentials("sandbox_nope")))
                .status()).isEqualTo(CredentialCheckResult.Status.INVALID);
        gocardless.close();
        assertThat(provider.checkCredentials(new CredentialCheckRequest(TENANT, credentials(FakeGoCardless.TOKEN)))
                .status()).isEqualTo(CredentialCheckResult.Status.UNREACHABLE);
    }
}
