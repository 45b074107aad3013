package io.billingnow.plugin.stripe;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import io.billingnow.sdk.Headers;
import io.billingnow.sdk.Money;
import io.billingnow.sdk.webhook.RejectionReason;
import io.billingnow.sdk.webhook.WebhookRejectedException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StripeSignatureVerifierTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private final StripeSignatureVerifier verifier = new StripeSignatureVerifier(CLOCK);
    private final String secret = StripeSamples.newSecret();
    private final String payload = StripeSamples.checkoutCompleted("inv-1", new Money(500, "EUR"), NOW, "paid");

    private boolean stripeAccepts(String body, String header, String key) {
        try {
            return Webhook.Signature.verifyHeader(body, header, key, 300, CLOCK);
        } catch (SignatureVerificationException e) {
            return false;
        }
    }

    private boolean weAccept(String body, String header, String key) {
        try {
            verifier.verify(body.getBytes(StandardCharsets.UTF_8), Headers.of("Stripe-Signature", header), List.of(key));
            return true;
        } catch (WebhookRejectedException e) {
            return false;
        }
    }

    @Test
    void agreesWithStripeJavaOnGenuineTamperedStaleAndForeignSignatures() throws Exception {
        String genuine = Webhook.Signature.generateSignatureHeader(payload, secret, NOW.getEpochSecond());
        String stale = Webhook.Signature.generateSignatureHeader(payload, secret, NOW.getEpochSecond() - 301);
        String edge = Webhook.Signature.generateSignatureHeader(payload, secret, NOW.getEpochSecond() - 299);
        String foreign = Webhook.Signature.generateSignatureHeader(payload, StripeSamples.newSecret(),
                NOW.getEpochSecond());
        String otherScheme = genuine.replace("v1=", "v0=");
        String tamperedTime = genuine.replace("t=" + NOW.getEpochSecond(), "t=" + (NOW.getEpochSecond() - 1));
        for (String header : List.of(genuine, stale, edge, foreign, otherScheme, tamperedTime)) {
            assertThat(weAccept(payload, header, secret)).as(header).isEqualTo(stripeAccepts(payload, header, secret));
        }
        assertThat(weAccept(payload, genuine, secret)).isTrue();
        assertThat(weAccept(payload.replace("inv-1", "inv-2"), genuine, secret))
                .isEqualTo(stripeAccepts(payload.replace("inv-1", "inv-2"), genuine, secret)).isFalse();
    }

    @Test
    void stripeJavaParsesOurSampleEventsSoTheyAreRealisticStripeEvents() throws Exception {
        String header = Webhook.Signature.generateSignatureHeader(payload, secret, NOW.getEpochSecond());
        Event event = Webhook.constructEvent(payload, header, secret, 300, CLOCK);
        assertThat(event.getType()).isEqualTo("checkout.session.completed");
        assertThat(event.getId()).isNotBlank();
    }

    @Test
    void acceptsAnyOfSeveralV1SignaturesAndAnyOfSeveralSecrets() throws Exception {
        String oldSecret = StripeSamples.newSecret();
        long t = NOW.getEpochSecond();
        String sigOld = Webhook.Util.computeHmacSha256(oldSecret, t + "." + payload);
        String sigNew = Webhook.Util.computeHmacSha256(secret, t + "." + payload);
        String rolling = "t=" + t + ",v1=" + sigNew + ",v1=" + sigOld + ",v0=deadbeef";
        assertThat(weAccept(payload, rolling, oldSecret)).isTrue();
        assertThat(weAccept(payload, rolling, secret)).isTrue();
        assertThatCode(() -> verifier.verify(payload.getBytes(StandardCharsets.UTF_8),
                Headers.of("stripe-signature", "t=" + t + ",v1=" + sigOld), List.of(secret, oldSecret)))
                .doesNotThrowAnyException();
    }

    @Test
    void signatureCoversTheRawBytesNotARecodedString() throws Exception {
        byte[] latin1 = "{\"x\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        long t = NOW.getEpochSecond();
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((t + ".").getBytes(StandardCharsets.US_ASCII));
        String sig = HexFormat.of().formatHex(mac.doFinal(latin1));
        assertThatCode(() -> verifier.verify(latin1, Headers.of("Stripe-Signature", "t=" + t + ",v1=" + sig),
                List.of(secret))).doesNotThrowAnyException();
    }

    @Test
    void futureTimestampsBeyondToleranceAreStaleToo() throws Exception {
        String header = Webhook.Signature.generateSignatureHeader(payload, secret, NOW.getEpochSecond() + 301);
        assertThatThrownBy(() -> verifier.verify(payload.getBytes(StandardCharsets.UTF_8),
                Headers.of("Stripe-Signature", header), List.of(secret)))
                .isInstanceOfSatisfying(WebhookRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectionReason.STALE_TIMESTAMP));
    }

    @Test
    void headerWithoutTimestampIsMalformedAndWithoutV1IsMissingSignature() {
        byte[] body = payload.getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> verifier.verify(body, Headers.of("Stripe-Signature", "v1=" + "a".repeat(64)),
                List.of(secret))).isInstanceOfSatisfying(WebhookRejectedException.class,
                e -> assertThat(e.reason()).isEqualTo(RejectionReason.MALFORMED));
        assertThatThrownBy(() -> verifier.verify(body, Headers.of("Stripe-Signature", "t=" + NOW.getEpochSecond()),
                List.of(secret))).isInstanceOfSatisfying(WebhookRejectedException.class,
                e -> assertThat(e.reason()).isEqualTo(RejectionReason.MISSING_SIGNATURE));
    }

    @Test
    void oversizedBodyIsRejectedBeforeHashing() {
        byte[] body = new byte[StripeSignatureVerifier.MAX_BODY_BYTES + 1];
        assertThatThrownBy(() -> verifier.verify(body, Headers.of("Stripe-Signature", "t=1,v1=00"), List.of(secret)))
                .isInstanceOfSatisfying(WebhookRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectionReason.TOO_LARGE));
    }
}
