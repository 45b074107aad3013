package io.billingnow.sdk.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.billingnow.sdk.Headers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A tiny HTTP server on 127.0.0.1 and a free port, for hand-written fakes of provider APIs. Each request is
 * recorded and answered by a function the test supplies.
 */
public final class FakeHttpServer implements AutoCloseable {

    /**
     * A request the fake received.
     *
     * @param method  the method
     * @param path    the path
     * @param query   the raw query, or null
     * @param headers the headers
     * @param body    the body bytes
     */
    public record Received(String method, String path, String query, Headers headers, byte[] body) {

        /** Returns the body as UTF-8 text. */
        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /**
     * The fake's answer.
     *
     * @param status      the status code
     * @param contentType the content type
     * @param body        the body text
     */
    public record Reply(int status, String contentType, String body) {

        /**
         * A JSON reply.
         *
         * @param status the status
         * @param json   the JSON text
         * @return the reply
         */
        public static Reply json(int status, String json) {
            return new Reply(status, "application/json", json);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private FakeHttpServer(HttpServer server) {
        this.server = server;
    }

    /**
     * Starts a fake answering every request with the given function.
     *
     * @param handler maps each received request to a reply
     * @return the running server
     * @throws IOException if the server cannot bind
     */
    public static FakeHttpServer start(Function<Received, Reply> handler) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        FakeHttpServer fake = new FakeHttpServer(server);
        server.createContext("/", exchange -> fake.handle(exchange, handler));
        server.start();
        return fake;
    }

    private void handle(HttpExchange exchange, Function<Received, Reply> handler) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Received r = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getRawQuery(), new Headers(exchange.getRequestHeaders()), body);
            received.add(r);
            Reply reply;
            try {
                reply = handler.apply(r);
            } catch (RuntimeException | AssertionError e) {
                reply = new Reply(599, "text/plain", "fake failed: " + e);
            }
            byte[] out = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", reply.contentType());
            exchange.sendResponseHeaders(reply.status(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                try (OutputStream os = exchange.getResponseBody()) {
                    os.write(out);
                }
            }
        }
    }

    /** Returns the base URI, for example {@code http://127.0.0.1:41234}. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Returns the requests received so far, in order. */
    public List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
