package io.billingnow.plugin.gocardless;

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

/** Entry point of the GoCardless plugin. */
public class GoCardlessProviderFactory implements PaymentProviderFactory {

    static final String ACCESS_TOKEN = "access_token";
    /** {@code https://api.gocardless.com} (live, the default) or {@code https://api-sandbox.gocardless.com}. */
    static final String API_BASE_URL = "api_base_url";
    static final String DEFAULT_API_BASE_URL = "https://api.gocardless.com";

    static final ProviderDescriptor DESCRIPTOR = new ProviderDescriptor("gocardless", "GoCardless",
            EnumSet.of(Capability.WEBHOOKS, Capability.PAYMENT_LINKS, Capability.CREDENTIAL_CHECK,
                    Capability.CANCEL_PAYMENT_LINKS),
            List.of(CredentialField.required(ACCESS_TOKEN, "Access token", true, "(sandbox|live)_[A-Za-z0-9_\\-]+"),
                    CredentialField.optional(API_BASE_URL, "API base URL", false, "https?://[^\\s]+").asEndpoint()),
            Optional.of(CredentialField.required("webhook_endpoint_secret", "Webhook endpoint secret", true,
                    "[A-Za-z0-9_\\-]{8,}")),
            Set.of("api.gocardless.com", "api-sandbox.gocardless.com"));

    @Override
    public ProviderDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public PaymentProvider create(ProviderContext context) {
        return new GoCardlessProvider(context);
    }
}
