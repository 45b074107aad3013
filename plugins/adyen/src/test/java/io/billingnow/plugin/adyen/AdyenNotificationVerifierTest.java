package io.billingnow.plugin.adyen;

import com.adyen.model.notification.NotificationRequestItem;
import com.adyen.notification.WebhookHandler;
import com.adyen.util.HMACValidator;
import io.billingnow.sdk.Money;
import io.billingnow.sdk.testkit.SignedWebhook;
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

class AdyenNotificationVerifierTest {

    private static final Instant AT = Instant.parse("2026-03-01T09:00:00Z");
    private final AdyenNotificationVerifier verifier = new AdyenNotificationVerifier();
    private final String key = AdyenSamples.newKey();

    @Test
    void ourSigningPayloadIsExactlyAdyensDataToSign() throws Exception {
        String item = AdyenSamples.item("PSP1", "ORIG1", "REFUND", true, "inv:with:colons", new Money(99, "EUR"), AT);
        byte[] body = AdyenSamples.notification(item);
        NotificationRequestItem adyens = new WebhookHandler()
                .handleNotificationJson(new String(body, StandardCharsets.UTF_8)).getNotificationItems().get(0);
        assertThat(AdyenNotificationVerifier.signingPayload(AdyenSamples.JSON.readTree(body)
                .path("notificationItems").get(0).path("NotificationRequestItem")))
                .isEqualTo(new HMACValidator().getDataToSign(adyens));
    }

    @Test
    void batchOfItemsIsNormalisedInOrderWithRefundsPointingAtTheOriginalPayment() throws Exception {
        byte[] body = AdyenSamples.notification(
                AdyenSamples.item("PSP1", "", "AUTHORISATION", true, "inv-1", new Money(1000, "EUR"), AT),
                AdyenSamples.item("PSP2", "", "AUTHORISATION", false, "inv-2", new Money(2000, "EUR"), AT),
                AdyenSamples.item("PSP3", "PSP1", "REFUND", true, "inv-1", new Money(400, "EUR"), AT),
                AdyenSamples.item("PSP4", "PSP1", "CHARGEBACK", true, "inv-1", new Money(600, "EUR"), AT),
                AdyenSamples.item("PSP5", "", "REPORT_AVAILABLE", true, "", new Money(0, "EUR"), AT));
        List<WebhookEvent> events = verifier.verify(AdyenSamples.sign(body, key).body(), List.of(key));
        assertThat(events).extracting(WebhookEvent::type).containsExactly(EventType.PAYMENT_SUCCEEDED,
                EventType.PAYMENT_FAILED, EventType.REFUNDED, EventType.DISPUTED, EventType.OTHER);
        assertThat(events.get(0).providerEventId()).isEqualTo("PSP1:AUTHORISATION:true");
        assertThat(events.get(0).occurredAt()).isEqualTo(AT);
        assertThat(events.get(2).paymentReference()).contains("PSP1");
        assertThat(events.get(2).amount()).contains(new Money(400, "EUR"));
        assertThat(events.get(2).invoiceReference()).contains("inv-1");
        assertThat(events.get(4).invoiceReference()).isEmpty();
    }

    @Test
    void authorisationRecordsThePaymentAndItsCaptureNamesTheSamePaymentWithoutRecordingIt() throws Exception {
        byte[] body = AdyenSamples.notification(
                AdyenSamples.item("PSP_AUTH_1", "", "AUTHORISATION", true, "inv-5", new Money(11_900, "EUR"), AT),
                AdyenSamples.item("PSP_CAPT_1", "PSP_AUTH_1", "CAPTURE", true, "inv-5", new Money(11_900, "EUR"),
                        AT));
        List<WebhookEvent> events = verifier.verify(AdyenSamples.sign(body, key).body(), List.of(key));
        assertThat(events).extracting(WebhookEvent::type).containsExactly(EventType.PAYMENT_SUCCEEDED,
                EventType.OTHER);
        assertThat(events.get(1).paymentReference()).isEqualTo(events.get(0).paymentReference())
                .contains("PSP_AUTH_1");
        assertThat(events.get(1).providerEventId()).isNotEqualTo(events.get(0).providerEventId());
    }

    @Test
    void oneForgedItemRejectsTheWholeBatch() throws Exception {
        byte[] genuine = AdyenSamples.sign(AdyenSamples.notification(
                AdyenSamples.item("PSP1", "", "AUTHORISATION", true, "inv-1", new Money(1000, "EUR"), AT)), key).body();
        byte[] forged = AdyenSamples.sign(AdyenSamples.notification(
                AdyenSamples.item("PSP9", "", "AUTHORISATION", true, "inv-9", new Money(9, "EUR"), AT)),
                AdyenSamples.newKey()).body();
        String genuineItem = itemsOf(genuine);
        String forgedItem = itemsOf(forged);
        byte[] mixed = ("{\"live\":\"false\",\"notificationItems\":[" + genuineItem + "," + forgedItem + "]}")
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> verifier.verify(mixed, List.of(key)))
                .isInstanceOfSatisfying(WebhookRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectionReason.BAD_SIGNATURE));
    }

    @Test
    void itemsMaySignWithEitherKeyDuringRotation() throws Exception {
        String oldKey = AdyenSamples.newKey();
        String a = itemsOf(AdyenSamples.sign(AdyenSamples.notification(
                AdyenSamples.item("PSP1", "", "AUTHORISATION", true, "inv-1", new Money(1, "EUR"), AT)), key).body());
        String b = itemsOf(AdyenSamples.sign(AdyenSamples.notification(
                AdyenSamples.item("PSP2", "", "AUTHORISATION", true, "inv-2", new Money(2, "EUR"), AT)), oldKey).body());
        byte[] both = ("{\"notificationItems\":[" + a + "," + b + "]}").getBytes(StandardCharsets.UTF_8);
        assertThat(verifier.verify(both, List.of(key, oldKey))).hasSize(2);
    }

    @Test
    void lowerCaseHexKeysWorkAndNonHexKeysAreUnusable() throws Exception {
        SignedWebhook signed = AdyenSamples.sign(AdyenSamples.notification(
                AdyenSamples.item("PSP1", "", "AUTHORISATION", true, "inv-1", new Money(1, "EUR"), AT)), key);
        assertThat(verifier.verify(signed.body(), List.of(key.toLowerCase()))).hasSize(1);
        assertThatThrownBy(() -> verifier.verify(signed.body(), List.of("not-hex")))
                .isInstanceOfSatisfying(WebhookRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectionReason.NO_SECRET_CONFIGURED));
    }

    @Test
    void fieldsOfTheWrongTypeAreMalformedNotAccepted() {
        byte[] body = ("{\"notificationItems\":[{\"NotificationRequestItem\":{\"additionalData\":"
                + "{\"hmacSignature\":\"AAAA\"},\"pspReference\":12,\"eventCode\":\"AUTHORISATION\"}}]}")
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> verifier.verify(body, List.of(key)))
                .isInstanceOfSatisfying(WebhookRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectionReason.MALFORMED));
    }

    private static String itemsOf(byte[] body) throws Exception {
        return AdyenSamples.JSON.writeValueAsString(AdyenSamples.JSON.readTree(body).path("notificationItems").get(0));
    }
}
