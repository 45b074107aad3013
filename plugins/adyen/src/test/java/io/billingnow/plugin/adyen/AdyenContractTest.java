package io.billingnow.plugin.adyen;

import io.billingnow.sdk.Credentials;
import io.billingnow.sdk.Money;
import io.billingnow.sdk.PaymentProviderFactory;
import io.billingnow.sdk.testkit.PaymentProviderContract;
import io.billingnow.sdk.testkit.SignedWebhook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.time.Instant;
import java.util.List;
import java.util.Map;

class AdyenContractTest extends PaymentProviderContract {

    private FakeAdyen adyen;

    @BeforeEach
    void startFake() throws Exception {
        adyen = new FakeAdyen();
    }

    @AfterEach
    void stopFake() {
        adyen.close();
    }

    @Override
    protected PaymentProviderFactory factory() {
        return new AdyenProviderFactory();
    }

    @Override
    protected String newWebhookSecret() {
        return AdyenSamples.newKey();
    }

    @Override
    protected Credentials credentials(List<String> webhookSecrets) {
        return new Credentials(Map.of("api_key", FakeAdyen.API_KEY, "merchant_account", "BillingNowECOM",
                "api_base_url", adyen.baseUri().toString()), webhookSecrets);
    }

    @Override
    protected byte[] paymentSucceededBody(String invoiceReference, Money amount, Instant occurredAt) {
        return AdyenSamples.notification(AdyenSamples.item("QFQTPCQ8HXSKGK82", "", "AUTHORISATION", true,
                invoiceReference, amount, occurredAt));
    }

    @Override
    protected SignedWebhook sign(byte[] body, Instant signedAt, String secret) {
        return AdyenSamples.sign(body, secret);
    }

    @Override
    protected boolean signsTimestamp() {
        return false;
    }

    @Override
    protected SignedWebhook tamperSignature(SignedWebhook signed) {
        // Flip one bit of the decoded HMAC and re-encode, so it stays well-formed base64.
        return AdyenSamples.editSignatures(signed, s -> {
            byte[] raw = java.util.Base64.getDecoder().decode(s);
            raw[0] ^= 1;
            return java.util.Base64.getEncoder().encodeToString(raw);
        });
    }

    @Override
    protected SignedWebhook removeSignature(SignedWebhook signed) {
        return AdyenSamples.editSignatures(signed, s -> null);
    }
}
