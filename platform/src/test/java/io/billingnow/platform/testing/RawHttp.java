package io.billingnow.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Plain HTTP for tests that expect 429: the test platform's client (Apache HttpClient) transparently retries a 429
 * after its {@code Retry-After}, which would turn a refusal into a long sleep. This one never retries.
 */
public final class RawHttp {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private RawHttp() {
    }

    public static HttpResponse<String> get(TestPlatform platform, String path, String bearer) {
        return send(platform, "GET", path, bearer, null);
    }

    public static HttpResponse<String> post(TestPlatform platform, String path, String bearer, String json) {
        return send(platform, "POST", path, bearer, json);
    }

    public static HttpResponse<String> send(TestPlatform platform, String method, String path, String bearer,
                                            String json) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(platform.url(path)))
                .timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            builder.header("Content-Type", "application/json");
        }
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        try {
            return CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
