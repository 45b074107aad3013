package io.billingnow.plugin.example;

import io.billingnow.sdk.Credentials;
import io.billingnow.sdk.Money;
import io.billingnow.sdk.PaymentProvider;
import io.billingnow.sdk.ProviderContext;
import io.billingnow.sdk.TenantContext;
import io.billingnow.sdk.link.InvoiceView;
import io.billingnow.sdk.link.PaymentLink;
import io.billingnow.sdk.link.PaymentLinkRequest;
import io.billingnow.sdk.testkit.LoopbackHttpTransport;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class BankTransferLinkTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private final PaymentProvider provider = new BankTransferProviderFactory().create(
            new ProviderContext(new LoopbackHttpTransport(), Clock.fixed(NOW, ZoneOffset.UTC)));

    private PaymentLinkRequest request(String tenantId) {
        return new PaymentLinkRequest(new TenantContext(tenantId, "shop"),
                new InvoiceView("inv 1/2", "2026-0001", Optional.empty(), Optional.empty(), "Books"),
                new Money(4_990, "EUR"), URI.create("https://shop.billingnow.test/ok"),
                URI.create("https://shop.billingnow.test/cancel"), NOW.plus(Duration.ofDays(14)),
                new Credentials(Map.of("beneficiary_name", "Shop GmbH", "iban", "DE89370400440532013000",
                        "pay_page_base_url", "https://pay.example-bank.test/"), List.of()));
    }

    @Test
    void linkPointsAtThePayPageAndCarriesTheEpcPayload() throws Exception {
        PaymentLink link = provider.createPaymentLink(request("t-1"));
        URI url = link.url();
        assertThat(url.getHost()).isEqualTo("pay.example-bank.test");
        assertThat(url.getPath()).isEqualTo("/pay");
        assertThat(url.getRawQuery()).contains("ref=" + link.providerReference()).contains("invoice=inv+1%2F2");
        String epc = url.getRawQuery().replaceAll(".*epc=", "");
        String payload = new String(Base64.getUrlDecoder().decode(epc), StandardCharsets.UTF_8);
        assertThat(payload).startsWith("BCD\n002\n1\nSCT\n\nShop GmbH\nDE89370400440532013000\nEUR49.90")
                .endsWith("Invoice 2026-0001");
        assertThat(link.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(14)));
    }

    @Test
    void referenceIsStablePerInvoiceAndDiffersBetweenTenants() throws Exception {
        assertThat(provider.createPaymentLink(request("t-1")).providerReference())
                .isEqualTo(provider.createPaymentLink(request("t-1")).providerReference())
                .isNotEqualTo(provider.createPaymentLink(request("t-2")).providerReference())
                .matches("BT-[0-9A-F]{16}");
    }
}
