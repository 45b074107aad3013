package io.billingnow.platform.plugins;

import io.billingnow.platform.http.ApiException;

/** A plugin threw, hung or answered something unusable: 502 provider-failed. Details stay in the health check. */
public final class ProviderFailedException extends ApiException {

    private static final long serialVersionUID = 1L;

    ProviderFailedException(String providerId, String what) {
        super(502, "provider-failed", "Payment provider failed",
                "The " + providerId + " payment provider " + what + "; try again later");
    }
}
