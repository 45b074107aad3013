package io.billingnow.plugin.adyen;

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

/** Entry point of the Adyen plugin. */
public class AdyenProviderFactory implements PaymentProviderFactory {

    static final String API_KEY = "api_key";
    static final String MERCHANT_ACCOUNT = "merchant_account";
    /** Checkout API base: the test endpoint by default; live accounts use their own prefixed live URL. */
    static final String API_BASE_URL = "api_base_url";
    static final String DEFAULT_API_BASE_URL = "https://checkout-test.adyen.com";

    static final ProviderDescriptor DESCRIPTOR = new ProviderDescriptor("adyen", "Adyen",
            EnumSet.of(Capability.WEBHOOKS, Capability.PAYMENT_LINKS, Capability.CANCEL_PAYMENT_LINKS),
            List.of(CredentialField.required(API_KEY, "API key", true, "[A-Za-z0-9_+/=.\\-]{16,}"),
                    CredentialField.required(MERCHANT_ACCOUNT, "Merchant account", false, "[A-Za-z0-9_.\\-]{2,80}"),
                    CredentialField.optional(API_BASE_URL, "Checkout API base URL", false, "https?://[^\\s]+").asEndpoint()),
            Optional.of(CredentialField.required("hmac_key", "Webhook HMAC key (hex)", true,
                    "([0-9A-Fa-f]{2}){16,}")),
            // Test: checkout-test.adyen.com. Live: the account's own prefix, {PREFIX}-checkout-live.adyenpayments.com
            // (and the -au, -us, -in regional variants), all under adyenpayments.com.
            Set.of("checkout-test.adyen.com", "*.adyenpayments.com"));

    @Override
    public ProviderDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public PaymentProvider create(ProviderContext context) {
        return new AdyenProvider(context);
    }
}
