package io.billingnow.plugin.example;

import io.billingnow.sdk.Credentials;
import io.billingnow.sdk.Money;
import io.billingnow.sdk.PaymentProviderFactory;
import io.billingnow.sdk.testkit.PaymentProviderContract;
import io.billingnow.sdk.testkit.SignedWebhook;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The whole SDK contract, inherited: this is all a partner's plugin needs to be checked like ours. */
class BankTransferContractTest extends PaymentProviderContract {

    @Override
    protected PaymentProviderFactory factory() {
        return new BankTransferProviderFactory();
    }

    @Override
    protected String newWebhookSecret() {
        return ExampleSamples.newSecret();
    }

    @Override
    protected Credentials credentials(List<String> webhookSecrets) {
        return new Credentials(Map.of("beneficiary_name", "Contract GmbH", "iban", "DE89370400440532013000",
                "bic", "COBADEFFXXX", "pay_page_base_url", "https://pay.example-bank.test"), webhookSecrets);
    }

    @Override
    protected byte[] paymentSucceededBody(String invoiceReference, Money amount, Instant occurredAt) {
        return ExampleSamples.transferReceived(invoiceReference, amount, occurredAt);
    }

    @Override
    protected SignedWebhook sign(byte[] body, Instant signedAt, String secret) {
        return ExampleSamples.sign(body, signedAt, secret);
    }

    @Override
    protected boolean signsTimestamp() {
        return true;
    }
}
