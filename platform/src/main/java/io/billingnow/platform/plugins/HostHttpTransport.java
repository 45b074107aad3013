package io.billingnow.platform.plugins;

import io.billingnow.sdk.Headers;
import io.billingnow.sdk.http.HttpRequest;
import io.billingnow.sdk.http.HttpResponse;
import io.billingnow.sdk.http.HttpTransport;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The HTTP transport plugins reach their providers through: the host's timeouts, no redirects followed (a provider
 * API answering a redirect is answered as is). Egress rules (an allow-list of provider hosts) are not enforced yet.
 */
final class HostHttpTransport implements HttpTransport {

    /** Headers java.net.http computes itself and refuses to take from the caller. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final HttpClient client;
    private final Duration timeout;

    HostHttpTransport(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public HttpResponse send(HttpRequest request) throws IOException {
        String scheme = request.uri().getScheme() == null ? "" : request.uri().getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IOException("only http and https destinations are allowed");
        }
        java.net.http.HttpRequest.Builder builder = java.net.http.HttpRequest.newBuilder(request.uri())
                .timeout(timeout)
                .method(request.method(), request.body().length == 0
                        ? java.net.http.HttpRequest.BodyPublishers.noBody()
                        : java.net.http.HttpRequest.BodyPublishers.ofByteArray(request.body()));
        for (Map.Entry<String, List<String>> header : request.headers().map().entrySet()) {
            if (!RESTRICTED.contains(header.getKey())) {
                for (String value : header.getValue()) {
                    builder.header(header.getKey(), value);
                }
            }
        }
        try {
            java.net.http.HttpResponse<byte[]> response = client.send(builder.build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            return new HttpResponse(response.statusCode(), new Headers(response.headers().map()), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the provider");
        } catch (IllegalArgumentException e) {
            throw new IOException("request refused by the HTTP client", e);
        }
    }
}
