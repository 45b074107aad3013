package io.billingnow.plugin.stripe;

import io.billingnow.sdk.CredentialCheckRequest;
import io.billingnow.sdk.CredentialCheckResult;
import io.billingnow.sdk.Credentials;
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

class StripeCheckoutTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private FakeStripe stripe;
    private PaymentProvider provider;

    @BeforeEach
    void start() throws Exception {
        stripe = new FakeStripe(NOW);
        provider = new StripeProviderFactory().create(
                new ProviderContext(new LoopbackHttpTransport(), Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    @AfterEach
    void stop() {
        stripe.close();
    }

    private Credentials credentials(String key) {
        return new Credentials(Map.of("secret_key", key, "api_base_url", stripe.baseUri().toString()), List.of());
    }

    private PaymentLinkRequest request(Instant expiresAt, String key) {
        return new PaymentLinkRequest(new TenantContext("t-42", "acme"),
                new InvoiceView("inv-0042", "2026-0042", Optional.of("Grace Hopper"), Optional.of("grace@example.test"),
                        "Compiler consulting"),
                new Money(15_000, "EUR"), URI.create("https://acme.billingnow.test/i/inv-0042/paid"),
                URI.create("https://acme.billingnow.test/i/inv-0042"), expiresAt, credentials(key));
    }

    @Test
    void createsACheckoutSessionWithTheAmountReturnUrlsExpiryAndReferences() throws Exception {
        Instant expiry = NOW.plus(Duration.ofHours(3)).plusMillis(900);
        PaymentLink link = provider.createPaymentLink(request(expiry, FakeStripe.KEY));

        assertThat(link.url()).hasToString("https://checkout.stripe.com/c/pay/cs_test_1");
        assertThat(link.providerReference()).isEqualTo("cs_test_1");
        assertThat(link.expiresAt()).isEqualTo(Instant.ofEpochSecond(expiry.getEpochSecond()));

        FakeHttpServer.Received sent = stripe.server().received().get(0);
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.path()).isEqualTo("/v1/checkout/sessions");
        assertThat(sent.headers().first("Authorization")).contains("Bearer " + FakeStripe.KEY);
        assertThat(sent.headers().first("Idempotency-Key")).hasValueSatisfying(k -> assertThat(k).startsWith("billingnow-"));
        Map<String, String> form = FakeStripe.form(sent.bodyText());
        assertThat(form).containsEntry("mode", "payment")
                .containsEntry("line_items[0][price_data][currency]", "eur")
                .containsEntry("line_items[0][price_data][unit_amount]", "15000")
                .containsEntry("line_items[0][quantity]", "1")
                .containsEntry("success_url", "https://acme.billingnow.test/i/inv-0042/paid")
                .containsEntry("cancel_url", "https://acme.billingnow.test/i/inv-0042")
                .containsEntry("expires_at", Long.toString(expiry.getEpochSecond()))
                .containsEntry("client_reference_id", "inv-0042")
                .containsEntry("metadata[invoice_reference]", "inv-0042")
                .containsEntry("metadata[tenant_id]", "t-42")
                .containsEntry("payment_intent_data[metadata][invoice_reference]", "inv-0042")
                .containsEntry("customer_email", "grace@example.test");
        assertThat(form.get("line_items[0][price_data][product_data][name]")).contains("2026-0042");
    }

    @Test
    void sameRequestRetriedUsesTheSameIdempotencyKey() throws Exception {
        Instant expiry = NOW.plus(Duration.ofHours(3));
        provider.createPaymentLink(request(expiry, FakeStripe.KEY));
        provider.createPaymentLink(request(expiry, FakeStripe.KEY));
        provider.createPaymentLink(request(expiry.plusSeconds(60), FakeStripe.KEY));
        List<FakeHttpServer.Received> sent = stripe.server().received();
        String first = sent.get(0).headers().first("idempotency-key").orElseThrow();
        assertThat(sent.get(1).headers().first("idempotency-key")).contains(first);
        assertThat(sent.get(2).headers().first("idempotency-key")).isNotEqualTo(Optional.of(first));
    }

    @Test
    void expiryBeyondStripesDayIsClampedShorterNeverLonger() throws Exception {
        PaymentLink link = provider.createPaymentLink(request(NOW.plus(Duration.ofDays(14)), FakeStripe.KEY));
        assertThat(link.expiresAt()).isBeforeOrEqualTo(NOW.plus(Duration.ofHours(24)))
                .isAfter(NOW.plus(Duration.ofHours(23)));
    }

    @Test
    void expirySoonerThanStripesMinimumIsRefusedWithoutCallingStripe() {
        assertThatThrownBy(() -> provider.createPaymentLink(request(NOW.plus(Duration.ofMinutes(20)), FakeStripe.KEY)))
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.INVALID_REQUEST));
        assertThat(stripe.server().received()).isEmpty();
    }

    @Test
    void refusedKeyIsInvalidCredentialsAndTheKeyNeverAppearsInTheMessage() {
        String wrong = "sk_test_wrongwrongwrong";
        assertThatThrownBy(() -> provider.createPaymentLink(request(NOW.plus(Duration.ofHours(2)), wrong)))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProviderException.Kind.INVALID_CREDENTIALS);
                    assertThat(e.getMessage()).doesNotContain(wrong);
                });
    }

    @Test
    void serverErrorsAreRetryableAndDoNotEchoTheResponse() {
        stripe.forcedStatus = 503;
        assertThatThrownBy(() -> provider.createPaymentLink(request(NOW.plus(Duration.ofHours(2)), FakeStripe.KEY)))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.getMessage()).doesNotContain(FakeStripe.KEY).doesNotContain("boom");
                });
    }

    @Test
    void unreachableStripeIsUnavailable() {
        stripe.close();
        assertThatThrownBy(() -> provider.createPaymentLink(request(NOW.plus(Duration.ofHours(2)), FakeStripe.KEY)))
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.UNAVAILABLE));
    }

    @Test
    void revokingExpiresTheCheckoutSessionAndARepeatedExpiryStillSucceeds() throws Exception {
        PaymentLink link = provider.createPaymentLink(request(NOW.plus(Duration.ofHours(2)), FakeStripe.KEY));
        PaymentLinkCancellation cancel = new PaymentLinkCancellation(new TenantContext("t-42", "acme"),
                link.providerReference(), credentials(FakeStripe.KEY));
        provider.cancelPaymentLink(cancel);
        assertThat(stripe.sessionStatus).containsEntry(link.providerReference(), "expired");
        FakeHttpServer.Received sent = stripe.server().received().get(1);
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.path()).isEqualTo("/v1/checkout/sessions/" + link.providerReference() + "/expire");
        assertThat(sent.headers().first("Authorization")).contains("Bearer " + FakeStripe.KEY);

        // Stripe refuses to expire a session that is not open; read back, an expired one counts as closed.
        provider.cancelPaymentLink(cancel);
        assertThat(stripe.server().received()).extracting(FakeHttpServer.Received::path).endsWith(
                "/v1/checkout/sessions/" + link.providerReference() + "/expire",
                "/v1/checkout/sessions/" + link.providerReference());
    }

    @Test
    void aSessionThatCannotBeExpiredOrIsNotASessionIdIsARefusal() {
        assertThatThrownBy(() -> provider.cancelPaymentLink(new PaymentLinkCancellation(
                new TenantContext("t-42", "acme"), "cs_test_unknown", credentials(FakeStripe.KEY))))
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.INVALID_REQUEST));
        assertThatThrownBy(() -> provider.cancelPaymentLink(new PaymentLinkCancellation(
                new TenantContext("t-42", "acme"), "../../v1/balance", credentials(FakeStripe.KEY))))
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.INVALID_REQUEST));
        assertThat(stripe.server().received()).extracting(FakeHttpServer.Received::path)
                .doesNotContain("/v1/balance");
    }

    @Test
    void credentialCheckReadsTheBalance() {
        TenantContext tenant = new TenantContext("t-42", "acme");
        assertThat(provider.checkCredentials(new CredentialCheckRequest(tenant, credentials(FakeStripe.KEY))).status())
                .isEqualTo(CredentialCheckResult.Status.VALID);
        assertThat(provider.checkCredentials(new CredentialCheckRequest(tenant, credentials("sk_test_nope"))).status())
                .isEqualTo(CredentialCheckResult.Status.INVALID);
        assertThat(stripe.server().received()).allSatisfy(r -> assertThat(r.path()).isEqualTo("/v1/balance"));
    }
}
