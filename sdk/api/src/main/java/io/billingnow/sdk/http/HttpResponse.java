package io.billingnow.sdk.http;

import io.billingnow.sdk.Headers;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A complete HTTP response.
 *
 * @param status  the status code
 * @param headers the response headers
 * @param body    the body bytes; a defensive copy is kept and returned
 */
public record HttpResponse(int status, Headers headers, byte[] body) {

    /** Validates presence and copies the body. */
    public HttpResponse {
        Objects.requireNonNull(headers, "headers");
        body = Objects.requireNonNull(body, "body").clone();
    }

    /** Returns a copy of the body bytes. */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /** Returns the body decoded as UTF-8. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Returns whether the status is 2xx. */
    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HttpResponse r && status == r.status && headers.equals(r.headers)
                && Arrays.equals(body, r.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, headers, Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        return "HttpResponse[" + status + ", body=" + body.length + " bytes]";
    }
}
