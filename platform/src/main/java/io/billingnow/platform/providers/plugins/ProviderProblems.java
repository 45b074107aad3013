package io.billingnow.platform.providers.plugins;

import io.billingnow.platform.core.errors.DomainException;
import io.billingnow.platform.core.errors.Unavailable;
import io.billingnow.platform.core.errors.Unprocessable;
import io.billingnow.sdk.ProviderException;
import java.time.Duration;

/**
 * The one place that turns how a provider call went into the problem the client gets (docs/payments.md, "Provider
 * failures"). Details name the provider and the kind, never the plugin's message (it may echo request data) nor
 * anything about another tenant.
 */
final class ProviderProblems {

    static final String REFUSED = "provider-refused";
    static final String UNAVAILABLE = "provider-unavailable";
    static final String BUSY = "provider-busy";

    private ProviderProblems() {
    }

    /**
     * A provider's own refusal, reported by the plugin as a {@link ProviderException}. The tenant's credentials or
     * request (and what the provider does not support) are the tenant's to fix: 422. An unreachable provider is worth
     * retrying: 503. An answer the plugin could not understand: 502.
     */
    static DomainException of(String providerId, ProviderException e, Duration retryAfter) {
        return switch (e.kind()) {
            case INVALID_CREDENTIALS, INVALID_REQUEST, UNSUPPORTED -> new Unprocessable(REFUSED,
                    "Payment provider refused the request", "The " + providerId + " payment provider refused the"
                    + " request (" + e.kind() + "); the seller's provider account or request must change");
            case UNAVAILABLE -> unavailable(providerId, retryAfter);
            case UNEXPECTED_RESPONSE -> new ProviderFailedException(providerId, "gave an answer that could not be"
                    + " understood");
        };
    }

    /** The provider's server did not answer (in time): a 503 to retry later. */
    static DomainException unavailable(String providerId, Duration retryAfter) {
        return new Unavailable(UNAVAILABLE, "Payment provider unavailable",
                "The " + providerId + " payment provider could not be reached; try again later", retryAfter);
    }

    /** The call was not started: its tenant's or provider's budget, or the whole plugin pool, is taken. */
    static DomainException busy(String providerId, String whose, Duration retryAfter) {
        return new Unavailable(BUSY, "Payment provider busy", "Too many calls to the " + providerId
                + " payment provider are running for " + whose + "; try again later", retryAfter);
    }
}
