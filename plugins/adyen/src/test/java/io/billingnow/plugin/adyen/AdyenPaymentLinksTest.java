package io.billingnow.plugin.adyen;

import com.fasterxml.jackson.databind.JsonNode;
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

class AdyenPaymentLinksTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private FakeAdyen adyen;
    private PaymentProvider provider;

    @BeforeEach
    void start() throws Exception {
        adyen = new FakeAdyen();
        provider = new AdyenProviderFactory().create(
                new ProviderContext(new LoopbackHttpTransport(), Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    @AfterEach
    void stop() {
        adyen.close();
    }

    private PaymentLinkRequest request(Instant expiresAt, String apiKey) {
        return new PaymentLinkRequest(new TenantContext("t-7", "bakery"),
                new InvoiceView("inv-77", "B-77", Optional.empty(), Optional.of("payer@example.test"), "Bread"),
                new Money(2_599, "EUR"), URI.create("https://bakery.billingnow.test/paid"),
                URI.create("https://bakery.billingnow.test/cancel"), expiresAt,
                new Credentials(Map.of("api_key", apiKey, "merchant_account", "BakeryECOM",
                        "api_base_url", adyen.baseUri() + "/"), List.of()));
    }

    @Test
    void postsThePaymentLinkWithAmountReferenceMerchantReturnUrlAndExpiry() throws Exception {
        Instant expiry = NOW.plus(Duration.ofDays(3));
        PaymentLink link = provider.createPaymentLink(request(expiry, FakeAdyen.API_KEY));
        assertThat(link.url()).hasToString("https://test.adyen.link/PLFAKE1");
        assertThat(link.providerReference()).isEqualTo("PLFAKE1");
        assertThat(link.expiresAt()).isEqualTo(expiry);

        FakeHttpServer.Received sent = adyen.server().received().get(0);
        assertThat(sent.path()).isEqualTo("/checkout/v71/paymentLinks");
        assertThat(sent.headers().first("X-API-Key")).contains(FakeAdyen.API_KEY);
        assertThat(sent.headers().first("Content-Type")).contains("application/json");
        JsonNode body = AdyenSamples.JSON.readTree(sent.body());
        assertThat(body.path("amount").path("value").asLong()).isEqualTo(2_599);
        assertThat(body.path("amount").path("currency").asText()).isEqualTo("EUR");
        assertThat(body.path("reference").asText()).isEqualTo("inv-77");
        assertThat(body.path("merchantAccount").asText()).isEqualTo("BakeryECOM");
        assertThat(body.path("returnUrl").asText()).isEqualTo("https://bakery.billingnow.test/paid");
        assertThat(Instant.parse(body.path("expiresAt").asText())).isEqualTo(expiry);
        assertThat(body.path("shopperEmail").asText()).isEqualTo("payer@example.test");
    }

    @Test
    void revokingExpiresThePaymentLinkAndARepeatedExpiryStillSucceeds() throws Exception {
        PaymentLink link = provider.createPaymentLink(request(NOW.plus(Duration.ofDays(3)), FakeAdyen.API_KEY));
        PaymentLinkCancellation cancel = new PaymentLinkCancellation(new TenantContext("t-7", "bakery"),
                link.providerReference(), request(NOW.plus(Duration.ofDays(3)), FakeAdyen.API_KEY).credentials());
        provider.cancelPaymentLink(cancel);
        assertThat(adyen.linkStatus).containsEntry(link.providerReference(), "expired");
        FakeHttpServer.Received sent = adyen.server().received().get(1);
        assertThat(sent.method()).isEqualTo("PATCH");
        assertThat(sent.path()).isEqualTo("/checkout/v71/paymentLinks/" + link.providerReference());
        assertThat(sent.headers().first("X-API-Key")).contains(FakeAdyen.API_KEY);
        assertThat(AdyenSamples.JSON.readTree(sent.body()).path("status").asText()).isEqualTo("expired");

        // Adyen refuses to change a link that is no longer active; read back, an expired one counts as closed.
        provider.cancelPaymentLink(cancel);
        assertThat(adyen.server().received()).extracting(FakeHttpServer.Received::method)
                .endsWith("PATCH", "GET");
    }

    @Test
    void aLinkThatCannotBeExpiredIsARefusal() {
        var credentials = request(NOW.plus(Duration.ofDays(3)), FakeAdyen.API_KEY).credentials();
        assertThatThrownBy(() -> provider.cancelPaymentLink(new PaymentLinkCancellation(
                new TenantContext("t-7", "bakery"), "PLUNKNOWN", credentials)))
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.INVALID_REQUEST));
        assertThatThrownBy(() -> provider.cancelPaymentLink(new PaymentLinkCancellation(
                new TenantContext("t-7", "bakery"), "../../x", credentials)))
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.INVALID_REQUEST));
    }

    @Test
    void expiryBeyondSeventyDaysIsClampedShorter() throws Exception {
        PaymentLink link = provider.createPaymentLink(request(NOW.plus(Duration.ofDays(365)), FakeAdyen.API_KEY));
        assertThat(link.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(70)));
    }

    @Test
    void refusedKeyIsInvalidCredentialsWithoutEchoingIt() {
        assertThatThrownBy(() -> provider.createPaymentLink(request(NOW.plus(Duration.ofDays(1)), "AQEwrongwrongwrongwrong")))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProviderException.Kind.INVALID_CREDENTIALS);
                    assertThat(e.getMessage()).doesNotContain("AQEwrong");
                });
    }

    @Test
    void validationErrorsAreInvalidRequestAndServerErrorsRetryable() {
        adyen.forcedStatus = 422;
        assertThatThrownBy(() -> provider.createPaymentLink(request(NOW.plus(Duration.ofDays(1)), FakeAdyen.API_KEY)))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProviderException.Kind.INVALID_REQUEST);
                    assertThat(e.getMessage()).contains("905").doesNotContain(FakeAdyen.API_KEY);
                });
        adyen.forcedStatus = 500;
        assertThatThrownBy(() -> provider.createPaymentLink(request(NOW.plus(Duration.ofDays(1)), FakeAdyen.API_KEY)))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.retryable()).isTrue());
    }
}
