package io.billingnow.plugin.stripe;

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

/** Entry point of the Stripe plugin. */
public class StripeProviderFactory implements PaymentProviderFactory {

    /** Credential holding the secret or restricted API key. */
    static final String SECRET_KEY = "secret_key";
    /** Credential overriding the API base URL (tests, proxies); defaults to Stripe's. */
    static final String API_BASE_URL = "api_base_url";
    static final String DEFAULT_API_BASE_URL = "https://api.stripe.com";

    static final ProviderDescriptor DESCRIPTOR = new ProviderDescriptor("stripe", "Stripe",
            EnumSet.of(Capability.WEBHOOKS, Capability.PAYMENT_LINKS, Capability.CREDENTIAL_CHECK,
                    Capability.CANCEL_PAYMENT_LINKS),
            List.of(CredentialField.required(SECRET_KEY, "Secret API key", true, "(sk|rk)_(test|live)_[A-Za-z0-9]+"),
                    CredentialField.optional(API_BASE_URL, "API base URL", false, "https?://[^\\s]+").asEndpoint()),
            Optional.of(CredentialField.required("webhook_signing_secret", "Webhook signing secret", true,
                    "whsec_[A-Za-z0-9+/=]+")),
            // Checkout Sessions and the balance check are both on the API host.
            Set.of("api.stripe.com"));

    @Override
    public ProviderDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public PaymentProvider create(ProviderContext context) {
        return new StripeProvider(context);
    }
}
