package io.billingnow.plugin.gocardless;

import com.gocardless.Webhook;
import com.gocardless.resources.Event;
import io.billingnow.sdk.Headers;
import io.billingnow.sdk.webhook.EventType;
import io.billingnow.sdk.webhook.RejectionReason;
import io.billingnow.sdk.webhook.WebhookEvent;
import io.billingnow.sdk.webhook.WebhookRejectedException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GoCardlessWebhooksTest {

    private static final Instant AT = Instant.parse("2026-03-01T09:30:00Z");
    private final GoCardlessWebhooks webhooks = new GoCardlessWebhooks();
    private final String secret = GoCardlessSamples.newSecret();

    private boolean weAccept(byte[] body, String signature, String key) {
        try {
            webhooks.verify(body, Headers.of("Webhook-Signature", signature), List.of(key));
            return true;
        } catch (WebhookRejectedException e) {
            return false;
        }
    }

    @Test
    void agreesWithGoCardlessClientLibraryOnValidAndInvalidSignatures() {
        byte[] body = GoCardlessSamples.events(GoCardlessSamples.event("EV1", "payments", "confirmed", "PM1", "inv-1", AT));
        String text = new String(body, StandardCharsets.UTF_8);
        String good = GoCardlessSamples.signature(body, secret);
        String foreign = GoCardlessSamples.signature(body, GoCardlessSamples.newSecret());
        String flipped = good.substring(0, 63) + (good.charAt(63) == '0' ? '1' : '0');
        for (String signature : List.of(good, foreign, flipped, good.toUpperCase())) {
            assertThat(weAccept(body, signature, secret)).as(signature)
                    .isEqualTo(Webhook.isValidSignature(text, signature, secret) || signature.equals(good.toUpperCase()));
        }
        assertThat(Webhook.isValidSignature(text, good, secret)).isTrue();
        byte[] tampered = text.replace("PM1", "PM2").getBytes(StandardCharsets.UTF_8);
        assertThat(weAccept(tampered, good, secret))
                .isEqualTo(Webhook.isValidSignature(new String(tampered, StandardCharsets.UTF_8), good, secret))
                .isFalse();
    }

    @Test
    void goCardlessClientLibraryParsesOurSampleEvents() {
        byte[] body = GoCardlessSamples.events(GoCardlessSamples.event("EV1", "payments", "confirmed", "PM1", "inv-1", AT));
        List<Event> parsed = Webhook.parse(new String(body, StandardCharsets.UTF_8),
                GoCardlessSamples.signature(body, secret), secret);
        assertThat(parsed).hasSize(1);
        assertThat(parsed.get(0).getId()).isEqualTo("EV1");
        assertThat(parsed.get(0).getLinks().getPayment()).isEqualTo("PM1");
    }

    @Test
    void batchedEventsAreNormalised() throws Exception {
        byte[] body = GoCardlessSamples.events(
                GoCardlessSamples.event("EV1", "payments", "confirmed", "PM1", "inv-1", AT),
                GoCardlessSamples.event("EV2", "payments", "failed", "PM2", "inv-2", AT),
                GoCardlessSamples.event("EV3", "payments", "paid_out", "PM1", "inv-1", AT),
                GoCardlessSamples.event("EV4", "refunds", "paid", "PM1", null, AT),
                GoCardlessSamples.event("EV5", "payments", "charged_back", "PM1", "inv-1", AT),
                GoCardlessSamples.event("EV6", "mandates", "created", "", null, AT));
        List<WebhookEvent> events = webhooks.verify(body, Headers.of("Webhook-Signature",
                GoCardlessSamples.signature(body, secret)), List.of(secret));
        assertThat(events).extracting(WebhookEvent::type).containsExactly(EventType.PAYMENT_SUCCEEDED,
                EventType.PAYMENT_FAILED, EventType.OTHER, EventType.REFUNDED, EventType.DISPUTED, EventType.OTHER);
        assertThat(events).extracting(WebhookEvent::providerEventId)
                .containsExactly("EV1", "EV2", "EV3", "EV4", "EV5", "EV6");
        assertThat(events.get(0).paymentReference()).contains("PM1");
        assertThat(events.get(0).invoiceReference()).contains("inv-1");
        assertThat(events.get(0).amount()).isEmpty();
        assertThat(events.get(0).occurredAt()).isEqualTo(AT);
        assertThat(events.get(2).providerType()).isEqualTo("payments.paid_out");
        assertThat(events.get(3).invoiceReference()).isEmpty();
        assertThat(events.get(5).paymentReference()).isEmpty();
    }

    @Test
    void secondSecretVerifiesDuringRotation() throws Exception {
        String old = GoCardlessSamples.newSecret();
        byte[] body = GoCardlessSamples.events();
        assertThat(webhooks.verify(body, Headers.of("webhook-signature", GoCardlessSamples.signature(body, old)),
                List.of(secret, old))).isEmpty();
    }

    @Test
    void signatureThatIsNotOneHexDigestIsMalformed() {
        byte[] body = GoCardlessSamples.events();
        for (String bad : List.of("", "zz", "a".repeat(63), "a".repeat(65))) {
            assertThatThrownBy(() -> webhooks.verify(body, Headers.of("Webhook-Signature", bad), List.of(secret)))
                    .isInstanceOfSatisfying(WebhookRejectedException.class,
                            e -> assertThat(e.reason()).isEqualTo(RejectionReason.MALFORMED));
        }
    }
}
