package io.billingnow.platform.providers.plugins;

import io.billingnow.platform.core.errors.UpstreamFailure;


/** A plugin threw, hung or answered something unusable: 502 provider-failed. Details stay in the health check. */
public final class ProviderFailedException extends UpstreamFailure {

    private static final long serialVersionUID = 1L;

    ProviderFailedException(String providerId, String what) {
        super("provider-failed", "Payment provider failed",
                "The " + providerId + " payment provider " + what + "; try again later");
    }
}
