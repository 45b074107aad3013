package io.billingnow.plugin.stripe;

import io.billingnow.sdk.Credentials;
import io.billingnow.sdk.Money;
import io.billingnow.sdk.PaymentProviderFactory;
import io.billingnow.sdk.testkit.PaymentProviderContract;
import io.billingnow.sdk.testkit.SignedWebhook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

class StripeContractTest extends PaymentProviderContract {

    private FakeStripe stripe;

    @BeforeEach
    void startFake() throws Exception {
        stripe = new FakeStripe(NOW);
    }

    @AfterEach
    void stopFake() {
        stripe.close();
    }

    @Override
    protected PaymentProviderFactory factory() {
        return new StripeProviderFactory();
    }

    @Override
    protected String newWebhookSecret() {
        return StripeSamples.newSecret();
    }

    @Override
    protected Credentials credentials(List<String> webhookSecrets) {
        return new Credentials(Map.of("secret_key", FakeStripe.KEY, "api_base_url", stripe.baseUri().toString()),
                webhookSecrets);
    }

    @Override
    protected byte[] paymentSucceededBody(String invoiceReference, Money amount, Instant occurredAt) {
        return StripeSamples.checkoutCompleted(invoiceReference, amount, occurredAt, "paid")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected SignedWebhook sign(byte[] body, Instant signedAt, String secret) {
        return StripeSamples.sign(body, signedAt, secret);
    }

    @Override
    protected boolean signsTimestamp() {
        return true;
    }
}
