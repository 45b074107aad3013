package io.billingnow.plugin.example;

import io.billingnow.sdk.Capability;
import io.billingnow.sdk.CredentialField;
import io.billingnow.sdk.PaymentProvider;
import io.billingnow.sdk.PaymentProviderFactory;
import io.billingnow.sdk.ProviderContext;
import io.billingnow.sdk.ProviderDescriptor;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Entry point of the example plugin. {@code META-INF/services/io.billingnow.sdk.PaymentProviderFactory} names this
 * class, which is how the host finds it (with {@link java.util.ServiceLoader}, on the plugin's own class loader).
 */
public class BankTransferProviderFactory implements PaymentProviderFactory {

    static final String BENEFICIARY_NAME = "beneficiary_name";
    static final String IBAN = "iban";
    static final String BIC = "bic";
    static final String PAY_PAGE_BASE_URL = "pay_page_base_url";

    // The descriptor is data: the host renders the tenant's settings form from it and validates input with it.
    // The pay page base URL is only handed to payers, never called: it is no endpoint, and the plugin, which makes no
    // outbound HTTP call, declares no egress hosts (the host then refuses any request it might try).
    static final ProviderDescriptor DESCRIPTOR = new ProviderDescriptor("example-bank-transfer",
            "Bank transfer (SEPA, example)",
            EnumSet.of(Capability.WEBHOOKS, Capability.PAYMENT_LINKS),
            List.of(CredentialField.required(BENEFICIARY_NAME, "Account holder name", false, "[^\\n]{1,70}"),
                    CredentialField.required(IBAN, "IBAN", false, "[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}"),
                    CredentialField.optional(BIC, "BIC", false, "[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?"),
                    CredentialField.required(PAY_PAGE_BASE_URL, "Pay page base URL", false, "https?://[^\\s?#]+")),
            Optional.of(CredentialField.required("webhook_secret", "Webhook secret", true, "[A-Za-z0-9_\\-]{16,}")),
            Set.of());

    @Override
    public ProviderDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public PaymentProvider create(ProviderContext context) {
        return new BankTransferProvider(context);
    }
}
