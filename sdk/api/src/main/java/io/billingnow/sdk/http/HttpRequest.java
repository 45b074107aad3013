package io.billingnow.sdk.http;

import io.billingnow.sdk.Headers;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * An outbound HTTP request.
 *
 * @param method  the method, upper case (GET, POST, ...)
 * @param uri     the absolute URI
 * @param headers the request headers (Authorization, Content-Type, Idempotency-Key...)
 * @param body    the body bytes, empty for none; a defensive copy is kept and returned
 */
public record HttpRequest(String method, URI uri, Headers headers, byte[] body) {

    /** Validates presence and copies the body. */
    public HttpRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        if (!uri.isAbsolute()) {
            throw new IllegalArgumentException("uri must be absolute");
        }
        Objects.requireNonNull(headers, "headers");
        body = Objects.requireNonNull(body, "body").clone();
    }

    /**
     * A GET request without body.
     *
     * @param uri     the URI
     * @param headers the headers
     * @return the request
     */
    public static HttpRequest get(URI uri, Headers headers) {
        return new HttpRequest("GET", uri, headers, new byte[0]);
    }

    /**
     * A POST request with a UTF-8 text body; the caller sets Content-Type in the headers.
     *
     * @param uri     the URI
     * @param headers the headers
     * @param body    the body text
     * @return the request
     */
    public static HttpRequest post(URI uri, Headers headers, String body) {
        return new HttpRequest("POST", uri, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Returns a copy of the body bytes. */
    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HttpRequest r && method.equals(r.method) && uri.equals(r.uri)
                && headers.equals(r.headers) && Arrays.equals(body, r.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, uri, headers, Arrays.hashCode(body));
    }

    /** Shows the method, URI and header names only: values and bodies may hold secrets. */
    @Override
    public String toString() {
        return "HttpRequest[" + method + " " + uri + ", headers=" + headers.names() + ", body=" + body.length
                + " bytes]";
    }
}
