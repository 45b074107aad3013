package io.billingnow.plugin.example;

import io.billingnow.sdk.Headers;
import io.billingnow.sdk.Money;
import io.billingnow.sdk.webhook.EventType;
import io.billingnow.sdk.webhook.WebhookEvent;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ExampleWebhookVerifierTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private final ExampleWebhookVerifier verifier = new ExampleWebhookVerifier(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void documentedTestVectorVerifies() throws Exception {
        // The vector printed in plugins/README.md, so partners can check their signer against it.
        byte[] body = "{\"id\":\"evt_1\",\"type\":\"transfer.received\",\"occurred_at\":\"2026-03-01T10:00:00Z\",\"transfer\":{\"reference\":\"BT-1\",\"invoice_reference\":\"inv-1\",\"amount_minor\":1234,\"currency\":\"EUR\"}}"
                .getBytes(StandardCharsets.UTF_8);
        Headers headers = Headers.of("X-Example-Timestamp", "1772359200",
                "X-Example-Signature", "v1=" + java.util.HexFormat.of().formatHex(
                        ExampleWebhookVerifier.hmac("whs_test_secret_0123456789",
                                "1772359200.".getBytes(StandardCharsets.US_ASCII), body)));
        assertThat(headers.first("X-Example-Signature")).contains(
                "v1=" + ExampleWebhookVerifierTestVector.EXPECTED_HEX);
        WebhookEvent event = verifier.verify(body, headers, List.of("whs_test_secret_0123456789")).events().get(0);
        assertThat(event.type()).isEqualTo(EventType.PAYMENT_SUCCEEDED);
        assertThat(event.amount()).contains(new Money(1234, "EUR"));
        // No transfer id in the vector: the event id names the one transfer it announces.
        assertThat(event.paymentReference()).contains("evt_1");
        assertThat(event.invoiceReference()).contains("inv-1");
    }

    @Test
    void twoTransfersWithTheSameRemittanceReferenceAreTwoPayments() throws Exception {
        String secret = ExampleSamples.newSecret();
        List<String> references = new java.util.ArrayList<>();
        for (String body : List.of(
                "{\"id\":\"evt_a\",\"type\":\"transfer.received\",\"occurred_at\":\"2026-03-01T10:00:00Z\","
                        + "\"transfer\":{\"reference\":\"BT-1\",\"amount_minor\":100,\"currency\":\"EUR\"}}",
                "{\"id\":\"evt_b\",\"type\":\"transfer.received\",\"occurred_at\":\"2026-03-01T10:00:00Z\","
                        + "\"transfer\":{\"id\":\"tr_77\",\"reference\":\"BT-1\",\"amount_minor\":100,"
                        + "\"currency\":\"EUR\"}}")) {
            var signed = ExampleSamples.sign(body.getBytes(StandardCharsets.UTF_8), NOW, secret);
            references.add(verifier.verify(signed.body(), signed.headers(), List.of(secret)).events().get(0)
                    .paymentReference().orElseThrow());
        }
        assertThat(references).containsExactly("evt_a", "tr_77");
    }

    @Test
    void returnedTransferIsARefundAndUnknownTypesAreOther() throws Exception {
        String secret = ExampleSamples.newSecret();
        byte[] returned = ("{\"id\":\"evt_2\",\"type\":\"transfer.returned\",\"occurred_at\":\"2026-03-01T09:00:00+01:00\","
                + "\"transfer\":{\"reference\":\"BT-1\",\"amount_minor\":1234,\"currency\":\"EUR\"}}")
                .getBytes(StandardCharsets.UTF_8);
        var signed = ExampleSamples.sign(returned, NOW, secret);
        WebhookEvent e = verifier.verify(signed.body(), signed.headers(), List.of(secret)).events().get(0);
        assertThat(e.type()).isEqualTo(EventType.REFUNDED);
        assertThat(e.occurredAt()).isEqualTo(Instant.parse("2026-03-01T08:00:00Z"));
        byte[] other = "{\"id\":\"evt_3\",\"type\":\"account.updated\",\"occurred_at\":\"2026-03-01T10:00:00Z\"}"
                .getBytes(StandardCharsets.UTF_8);
        var signedOther = ExampleSamples.sign(other, NOW, secret);
        assertThat(verifier.verify(signedOther.body(), signedOther.headers(), List.of(secret)).events().get(0).type())
                .isEqualTo(EventType.OTHER);
    }
}
