package io.billingnow.sdk.testkit;

import io.billingnow.sdk.Headers;

import java.util.Objects;

/**
 * A webhook delivery as the provider would send it: the body (which some schemes, like Adyen's, change to embed
 * the signature) and the headers carrying the signature.
 *
 * @param body    the body bytes to deliver
 * @param headers the headers to deliver
 */
public record SignedWebhook(byte[] body, Headers headers) {

    /** Copies the body. */
    public SignedWebhook {
        body = Objects.requireNonNull(body, "body").clone();
        Objects.requireNonNull(headers, "headers");
    }

    /** Returns a copy of the body. */
    @Override
    public byte[] body() {
        return body.clone();
    }
}
