package io.billingnow.sdk.testkit;

import io.billingnow.sdk.Headers;
import io.billingnow.sdk.http.HttpRequest;
import io.billingnow.sdk.http.HttpResponse;
import io.billingnow.sdk.http.HttpTransport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Set;

/**
 * An {@link HttpTransport} for tests that refuses every destination other than the loopback interface, so a test
 * can never reach a real provider by mistake.
 */
public final class LoopbackHttpTransport implements HttpTransport {

    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "host", "upgrade",
            "expect");

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .proxy(java.net.ProxySelector.of(null))
            .build();

    @Override
    public HttpResponse send(HttpRequest request) throws IOException {
        String host = request.uri().getHost();
        if (host == null || !InetAddress.getByName(host).isLoopbackAddress()) {
            throw new IOException("test transport only reaches loopback addresses, refused: " + host);
        }
        java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(request.uri())
                .timeout(Duration.ofSeconds(10))
                .method(request.method(), request.body().length == 0
                        ? java.net.http.HttpRequest.BodyPublishers.noBody()
                        : java.net.http.HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().map().forEach((name, values) -> {
            if (!RESTRICTED.contains(name)) {
                values.forEach(v -> b.header(name, v));
            }
        });
        try {
            java.net.http.HttpResponse<byte[]> r = client.send(b.build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            return new HttpResponse(r.statusCode(), new Headers(r.headers().map()), r.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
