package io.billingnow.plugin.adyen;

import com.fasterxml.jackson.databind.JsonNode;
import io.billingnow.sdk.testkit.FakeHttpServer;
import io.billingnow.sdk.testkit.FakeHttpServer.Received;
import io.billingnow.sdk.testkit.FakeHttpServer.Reply;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A hand-written fake of Adyen's Payment Links endpoint, on loopback, served under {@code /checkout} like Adyen's
 * live endpoints so the plugin's URL joining is checked.
 */
final class FakeAdyen implements AutoCloseable {

    static final String API_KEY = "AQEyhmfxKfake0123456789abcdefTestKey";

    private final FakeHttpServer server;
    private final AtomicInteger links = new AtomicInteger();
    volatile int forcedStatus;
    /** Payment link id to its status: active when created, expired or completed later. */
    final Map<String, String> linkStatus = new ConcurrentHashMap<>();

    FakeAdyen() throws IOException {
        server = FakeHttpServer.start(this::handle);
    }

    URI baseUri() {
        return URI.create(server.baseUri() + "/checkout");
    }

    FakeHttpServer server() {
        return server;
    }

    private Reply handle(Received r) {
        if (forcedStatus != 0) {
            return Reply.json(forcedStatus, "{\"status\":" + forcedStatus + ",\"errorCode\":\"905\","
                    + "\"message\":\"echo " + API_KEY + "\"}");
        }
        if (!r.headers().first("x-api-key").orElse("").equals(API_KEY)) {
            return Reply.json(401, "{\"status\":401,\"errorCode\":\"000\",\"errorType\":\"security\"}");
        }
        if (r.path().startsWith("/checkout/v71/paymentLinks/")) {
            return existingLink(r);
        }
        if (!r.method().equals("POST") || !r.path().equals("/checkout/v71/paymentLinks")) {
            return Reply.json(404, "{\"status\":404,\"errorCode\":\"404\"}");
        }
        JsonNode body;
        try {
            body = AdyenSamples.JSON.readTree(r.body());
        } catch (IOException e) {
            return Reply.json(400, "{\"status\":400,\"errorCode\":\"702\"}");
        }
        for (String required : new String[] {"amount", "reference", "merchantAccount"}) {
            if (!body.has(required)) {
                return Reply.json(422, "{\"status\":422,\"errorCode\":\"14_0\"}");
            }
        }
        String id = "PLFAKE" + links.incrementAndGet();
        linkStatus.put(id, "active");
        return Reply.json(201, "{\"id\":\"" + id + "\",\"url\":\"https://test.adyen.link/" + id + "\","
                + "\"expiresAt\":\"" + body.path("expiresAt").asText() + "\",\"status\":\"active\","
                + "\"reference\":\"" + body.path("reference").asText() + "\"}");
    }

    /**
     * GET /paymentLinks/{linkId} and PATCH /paymentLinks/{linkId}, whose only documented change is
     * {@code {"status": "expired"}}; a link that is no longer active cannot be changed.
     */
    private Reply existingLink(Received r) {
        String id = r.path().substring("/checkout/v71/paymentLinks/".length());
        String status = linkStatus.get(id);
        if (status == null) {
            return Reply.json(404, "{\"status\":404,\"errorCode\":\"404\"}");
        }
        if (r.method().equals("GET")) {
            return link(id, status);
        }
        if (!r.method().equals("PATCH")
                || !r.headers().first("content-type").orElse("").startsWith("application/json")) {
            return Reply.json(404, "{\"status\":404,\"errorCode\":\"404\"}");
        }
        JsonNode body;
        try {
            body = AdyenSamples.JSON.readTree(r.body());
        } catch (IOException e) {
            return Reply.json(400, "{\"status\":400,\"errorCode\":\"702\"}");
        }
        if (body == null || body.size() != 1 || !body.path("status").asText().equals("expired")) {
            return Reply.json(422, "{\"status\":422,\"errorCode\":\"14_0\",\"errorType\":\"validation\"}");
        }
        if (!status.equals("active")) {
            return Reply.json(422, "{\"status\":422,\"errorCode\":\"14_0\",\"errorType\":\"validation\"}");
        }
        linkStatus.put(id, "expired");
        return link(id, "expired");
    }

    private static Reply link(String id, String status) {
        return Reply.json(200, "{\"id\":\"" + id + "\",\"url\":\"https://test.adyen.link/" + id + "\","
                + "\"status\":\"" + status + "\"}");
    }

    @Override
    public void close() {
        server.close();
    }
}
