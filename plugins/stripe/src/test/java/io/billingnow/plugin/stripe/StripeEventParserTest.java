package io.billingnow.plugin.stripe;

import io.billingnow.sdk.Money;
import io.billingnow.sdk.webhook.EventType;
import io.billingnow.sdk.webhook.RejectionReason;
import io.billingnow.sdk.webhook.WebhookEvent;
import io.billingnow.sdk.webhook.WebhookRejectedException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StripeEventParserTest {

    private static final Instant AT = Instant.parse("2026-03-01T09:59:00Z");
    private final StripeEventParser parser = new StripeEventParser();

    private WebhookEvent parse(String json) throws WebhookRejectedException {
        return parser.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void paidCheckoutSessionIsASucceededPaymentOfTheSessionsPaymentIntent() throws Exception {
        WebhookEvent e = parse(StripeSamples.checkoutCompleted("inv-7", new Money(4200, "JPY"), AT, "paid"));
        assertThat(e.type()).isEqualTo(EventType.PAYMENT_SUCCEEDED);
        assertThat(e.providerType()).isEqualTo("checkout.session.completed");
        assertThat(e.invoiceReference()).contains("inv-7");
        assertThat(e.paymentReference()).contains("pi_3Qcontract");
        assertThat(e.amount()).contains(new Money(4200, "JPY"));
        assertThat(e.occurredAt()).isEqualTo(AT);
    }

    @Test
    void bothAnnouncementsOfOnePaymentNameTheSamePaymentIntentAndAmount() throws Exception {
        // Stripe sends both to an endpoint subscribed to both: the host records one payment per reference.
        WebhookEvent session = parse(StripeSamples.checkoutCompleted("inv-7", new Money(11_900, "EUR"), AT, "paid"));
        WebhookEvent intent = parse(StripeSamples.event("payment_intent.succeeded",
                "{\"id\":\"pi_3Qcontract\",\"object\":\"payment_intent\",\"amount\":11900,"
                        + "\"amount_received\":11900,\"currency\":\"eur\",\"status\":\"succeeded\","
                        + "\"metadata\":{\"invoice_reference\":\"inv-7\"}}", AT));
        assertThat(session.type()).isEqualTo(EventType.PAYMENT_SUCCEEDED);
        assertThat(intent.type()).isEqualTo(EventType.PAYMENT_SUCCEEDED);
        assertThat(intent.paymentReference()).isEqualTo(session.paymentReference()).contains("pi_3Qcontract");
        assertThat(intent.amount()).isEqualTo(session.amount());
        assertThat(intent.providerEventId()).isNotEqualTo(session.providerEventId());
    }

    @Test
    void unpaidCheckoutSessionAwaitingAsyncPaymentIsOther() throws Exception {
        WebhookEvent e = parse(StripeSamples.checkoutCompleted("inv-7", new Money(1, "EUR"), AT, "unpaid"));
        assertThat(e.type()).isEqualTo(EventType.OTHER);
    }

    @Test
    void invoiceReferenceFallsBackToClientReferenceId() throws Exception {
        WebhookEvent e = parse(StripeSamples.event("checkout.session.async_payment_succeeded",
                "{\"id\":\"cs_1\",\"client_reference_id\":\"inv-9\",\"amount_total\":100,\"currency\":\"usd\","
                        + "\"payment_status\":\"paid\"}", AT));
        assertThat(e.type()).isEqualTo(EventType.PAYMENT_SUCCEEDED);
        assertThat(e.invoiceReference()).contains("inv-9");
        assertThat(e.paymentReference()).contains("cs_1");
        assertThat(e.amount()).contains(new Money(100, "USD"));
    }

    @Test
    void paymentIntentEventsUseAmountReceivedAndMetadata() throws Exception {
        WebhookEvent ok = parse(StripeSamples.event("payment_intent.succeeded",
                "{\"id\":\"pi_1\",\"amount\":900,\"amount_received\":850,\"currency\":\"eur\","
                        + "\"metadata\":{\"invoice_reference\":\"inv-3\"}}", AT));
        assertThat(ok.type()).isEqualTo(EventType.PAYMENT_SUCCEEDED);
        assertThat(ok.amount()).contains(new Money(850, "EUR"));
        assertThat(ok.invoiceReference()).contains("inv-3");
        WebhookEvent failed = parse(StripeSamples.event("payment_intent.payment_failed",
                "{\"id\":\"pi_1\",\"amount\":900,\"currency\":\"eur\",\"metadata\":{}}", AT));
        assertThat(failed.type()).isEqualTo(EventType.PAYMENT_FAILED);
        assertThat(failed.paymentReference()).contains("pi_1");
        assertThat(failed.invoiceReference()).isEmpty();
    }

    @Test
    void refundedChargeReportsTheRefundedAmountAgainstItsPaymentIntent() throws Exception {
        WebhookEvent e = parse(StripeSamples.event("charge.refunded",
                "{\"id\":\"ch_1\",\"amount\":900,\"amount_refunded\":300,\"currency\":\"gbp\","
                        + "\"payment_intent\":\"pi_9\",\"metadata\":{\"invoice_reference\":\"inv-4\"}}", AT));
        assertThat(e.type()).isEqualTo(EventType.REFUNDED);
        assertThat(e.amount()).contains(new Money(300, "GBP"));
        assertThat(e.paymentReference()).contains("pi_9");
    }

    @Test
    void disputesAndUnknownTypesAreMapped() throws Exception {
        assertThat(parse(StripeSamples.event("charge.dispute.created",
                "{\"id\":\"dp_1\",\"amount\":900,\"currency\":\"eur\",\"payment_intent\":\"pi_2\"}", AT)).type())
                .isEqualTo(EventType.DISPUTED);
        WebhookEvent other = parse(StripeSamples.event("customer.created", "{\"id\":\"cus_1\"}", AT));
        assertThat(other.type()).isEqualTo(EventType.OTHER);
        assertThat(other.providerType()).isEqualTo("customer.created");
        assertThat(other.amount()).isEmpty();
    }

    @Test
    void wrongShapesAreMalformed() {
        for (String json : new String[] {"{}", "[]", "{\"id\":\"evt\",\"type\":\"x\",\"created\":\"soon\"}",
                "{\"id\":\"evt\",\"type\":\"x\",\"created\":1,\"data\":{\"object\":[]}}",
                "{\"id\":\"evt\",\"type\":\"x\",\"created\":99999999999999,\"data\":{\"object\":{}}}",
                "{\"id\":\"e\",\"type\":\"charge.refunded\",\"created\":1,\"data\":{\"object\":"
                        + "{\"amount_refunded\":1,\"currency\":\"euro\"}}}"}) {
            assertThatThrownBy(() -> parse(json)).as(json)
                    .isInstanceOfSatisfying(WebhookRejectedException.class,
                            e -> assertThat(e.reason()).isEqualTo(RejectionReason.MALFORMED));
        }
    }
}
