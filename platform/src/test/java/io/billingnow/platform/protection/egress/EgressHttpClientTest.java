package io.billingnow.platform.protection.egress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.client.ContentResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client every outbound request uses, against a real local HTTP server and a fake name service. */
class EgressHttpClientTest {

    HttpServer server;
    final AtomicInteger served = new AtomicInteger();
    EgressHttpClient client;

    @BeforeEach
    void aLocalServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            served.incrementAndGet();
            if (exchange.getRequestURI().getPath().equals("/redirect")) {
                exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + server.getAddress().getPort()
                        + "/tasks/log-level?logger=io.billingnow.security&level=OFF");
                exchange.sendResponseHeaders(302, -1);
            } else if (exchange.getRequestURI().getPath().equals("/unauthorized")) {
                exchange.sendResponseHeaders(401, -1);
            } else {
                byte[] body = "ok".getBytes();
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        if (client != null) {
            client.stop();
        }
        server.stop(0);
    }

    /** Loopback and plain HTTP allowed (as in tests), and the names below added for provider "fake". */
    EgressHttpClient client(EgressPolicy.NameService names) throws Exception {
        EgressSettings settings = new EgressSettings();
        settings.setAllowLoopback(true);
        settings.setAllowPlainHttp(true);
        settings.setExtraHosts(Map.of("fake", List.of("rebinding.example", "127.0.0.1")));
        client = new EgressHttpClient(new EgressPolicy(settings, names), Duration.ofSeconds(5));
        client.start();
        return client;
    }

    URI url(String host, String path) {
        return URI.create("http://" + host + ":" + server.getAddress().getPort() + path);
    }

    EgressPolicy.AllowedHosts fakeHosts() {
        return client.policy().hostsFor("fake", List.of());
    }

    @Test
    void theConnectionUsesTheAddressThatWasCheckedNotASecondLookup() throws Exception {
        // A rebinding name: the first answer passes the check, every later one points at cloud metadata.
        AtomicInteger lookups = new AtomicInteger();
        client(host -> {
            if (!host.equals("rebinding.example")) {
                throw new java.net.UnknownHostException(host);
            }
            return new InetAddress[] {InetAddress.getByName(lookups.getAndIncrement() == 0
                    ? "127.0.0.1" : "169.254.169.254")};
        });

        ContentResponse response = client.newRequest(url("rebinding.example", "/v1/thing"), fakeHosts()).send();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).isEqualTo("ok");
        // One lookup, by the policy; had Jetty or the JDK looked the name up again to connect, the system resolver
        // would not know "rebinding.example" and the request would have failed.
        assertThat(lookups).hasValue(1);
        assertThat(served).hasValue(1);
    }

    @Test
    void aSecondLookupThatTurnsForbiddenIsRefusedBeforeConnecting() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        client(host -> new InetAddress[] {InetAddress.getByName(lookups.getAndIncrement() == 0
                ? "127.0.0.1" : "169.254.169.254")});
        PinnedAddressResolver resolver = new PinnedAddressResolver(client.policy());

        CompletableFuture<List<InetSocketAddress>> first = new CompletableFuture<>();
        resolver.resolve("rebinding.example", 443, Map.of(), org.eclipse.jetty.util.Promise.from(first));
        assertThat(first.get()).containsExactly(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 443));
        assertThat(first.get().get(0).isUnresolved()).isFalse();

        CompletableFuture<List<InetSocketAddress>> second = new CompletableFuture<>();
        resolver.resolve("rebinding.example", 443, Map.of(), org.eclipse.jetty.util.Promise.from(second));
        assertThatThrownBy(second::get).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(EgressRefusedException.class);
    }

    @Test
    void redirectsAreAnsweredAsTheyAreAndNotFollowed() throws Exception {
        client(java.net.InetAddress::getAllByName);

        ContentResponse response = client.newRequest(url("127.0.0.1", "/redirect"), fakeHosts()).send();

        assertThat(response.getStatus()).isEqualTo(302);
        assertThat(response.getHeaders().get("Location")).contains("/tasks/log-level");
        assertThat(served).hasValue(1);
    }

    @Test
    void anUnauthorizedAnswerWithoutAChallengeIsAnsweredAsItIs() throws Exception {
        client(java.net.InetAddress::getAllByName);

        ContentResponse response = client.newRequest(url("127.0.0.1", "/unauthorized"), fakeHosts()).send();

        assertThat(response.getStatus()).isEqualTo(401);
    }

    @Test
    void aRefusedDestinationIsNeverContacted() throws Exception {
        EgressSettings settings = new EgressSettings();
        settings.setAllowPlainHttp(true);
        settings.setExtraHosts(Map.of("fake", List.of("127.0.0.1")));
        client = new EgressHttpClient(new EgressPolicy(settings), Duration.ofSeconds(5));
        client.start();

        // Allowed host, but loopback is not allowed: the refusal comes from the connection's address check.
        assertThatThrownBy(() -> client.newRequest(url("127.0.0.1", "/tasks/gc"), fakeHosts()).method("POST")
                .send()).isInstanceOf(ExecutionException.class).hasRootCauseInstanceOf(EgressRefusedException.class);
        // Not an allowed host: refused before any request is built.
        assertThatThrownBy(() -> client.newRequest(url("localhost", "/"), fakeHosts()))
                .isInstanceOf(EgressRefusedException.class);
        assertThat(served).hasValue(0);
    }
}
