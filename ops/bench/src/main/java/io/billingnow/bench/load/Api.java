package io.billingnow.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * HTTPS keep-alive client of the platform under test. It trusts any certificate because it only ever talks to the
 * self-signed development certificate of a server on 127.0.0.1 that the benchmark started itself.
 */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();

    final URI base;
    private final HttpClient client;

    /** A response: status and body bytes. */
    record Answer(int status, byte[] body) {
        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }
    }

    Api(URI base) throws Exception {
        this.base = base;
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, new SecureRandom());
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(tls)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    Answer get(String path, String bearer) throws IOException, InterruptedException {
        return send(request(path, bearer).GET().build());
    }

    Answer post(String path, String bearer, Object body) throws IOException, InterruptedException {
        return postBytes(path, bearer, JSON.writeValueAsBytes(body), null, null);
    }

    /** Updates are JSON merge patches (docs/api-conventions.md). */
    Answer patch(String path, String bearer, Object body) throws IOException, InterruptedException {
        return send(request(path, bearer).header("Content-Type", "application/merge-patch+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build());
    }

    Answer postBytes(String path, String bearer, byte[] body, String header, String value)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = request(path, bearer).header("Content-Type", "application/json");
        if (header != null) {
            b.header(header, value);
        }
        return send(b.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    private HttpRequest.Builder request(String path, String bearer) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return b;
    }

    private Answer send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(r.statusCode(), r.body());
    }

    static JsonNode expect(Answer a, int status, String what) throws IOException {
        if (a.status() != status) {
            throw new IOException(what + ": HTTP " + a.status() + " " + new String(a.body(),
                    java.nio.charset.StandardCharsets.UTF_8));
        }
        return a.body().length == 0 ? null : a.json();
    }
}
