package io.billingnow.plugin.adyen;

import com.fasterxml.jackson.databind.JsonNode;
import io.billingnow.sdk.testkit.FakeHttpServer;
import io.billingnow.sdk.testkit.FakeHttpServer.Received;
import io.billingnow.sdk.testkit.FakeHttpServer.Reply;

import java.io.IOException;
import java.net.URI;
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
        return Reply.json(201, "{\"id\":\"" + id + "\",\"url\":\"https://test.adyen.link/" + id + "\","
                + "\"expiresAt\":\"" + body.path("expiresAt").asText() + "\",\"status\":\"active\","
                + "\"reference\":\"" + body.path("reference").asText() + "\"}");
    }

    @Override
    public void close() {
        server.close();
    }
}
