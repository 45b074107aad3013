package io.billingnow.plugin.gocardless;

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

class GoCardlessContractTest extends PaymentProviderContract {

    private FakeGoCardless gocardless;

    @BeforeEach
    void startFake() throws Exception {
        gocardless = new FakeGoCardless(NOW);
    }

    @AfterEach
    void stopFake() {
        gocardless.close();
    }

    @Override
    protected PaymentProviderFactory factory() {
        return new GoCardlessProviderFactory();
    }

    @Override
    protected String newWebhookSecret() {
        return GoCardlessSamples.newSecret();
    }

    @Override
    protected Credentials credentials(List<String> webhookSecrets) {
        return new Credentials(Map.of("access_token", FakeGoCardless.TOKEN,
                "api_base_url", gocardless.baseUri().toString()), webhookSecrets);
    }

    @Override
    protected byte[] paymentSucceededBody(String invoiceReference, Money amount, Instant occurredAt) {
        return GoCardlessSamples.events(GoCardlessSamples.event("EV0001", "payments", "confirmed", "PM0001",
                invoiceReference, occurredAt));
    }

    @Override
    protected SignedWebhook sign(byte[] body, Instant signedAt, String secret) {
        return GoCardlessSamples.sign(body, secret);
    }

    @Override
    protected boolean signsTimestamp() {
        return false;
    }

    @Override
    protected SignedWebhook removeSignature(SignedWebhook signed) {
        return new SignedWebhook(signed.body(), io.billingnow.sdk.Headers.of("Content-Type", "application/json"));
    }
}
