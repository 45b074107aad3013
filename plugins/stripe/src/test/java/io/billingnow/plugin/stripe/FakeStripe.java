package io.billingnow.plugin.stripe;

import io.billingnow.sdk.testkit.FakeHttpServer;
import io.billingnow.sdk.testkit.FakeHttpServer.Received;
import io.billingnow.sdk.testkit.FakeHttpServer.Reply;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A hand-written fake of the parts of Stripe's API the plugin uses, on loopback. It enforces what Stripe enforces
 * for Checkout Sessions (key, required fields, the 30 min..24 h expiry window) so the plugin's requests are checked.
 */
final class FakeStripe implements AutoCloseable {

    static final String KEY = "sk_test_51FakeKeyForBillingNowTests";

    private final Instant now;
    private final AtomicInteger sessions = new AtomicInteger();
    private final FakeHttpServer server;
    volatile int forcedStatus;
    /** Checkout Session id to its status: open when created, expired or complete later. */
    final Map<String, String> sessionStatus = new java.util.concurrent.ConcurrentHashMap<>();

    FakeStripe(Instant now) throws IOException {
        this.now = now;
        this.server = FakeHttpServer.start(this::handle);
    }

    URI baseUri() {
        return server.baseUri();
    }

    FakeHttpServer server() {
        return server;
    }

    static Map<String, String> form(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }

    private Reply handle(Received r) {
        if (forcedStatus != 0) {
            return Reply.json(forcedStatus, "{\"error\":{\"type\":\"api_error\",\"message\":\"boom " + KEY + "\"}}");
        }
        if (!r.headers().first("authorization").orElse("").equals("Bearer " + KEY)) {
            return Reply.json(401, "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"Invalid API Key\"}}");
        }
        if (r.method().equals("GET") && r.path().equals("/v1/balance")) {
            return Reply.json(200, "{\"object\":\"balance\",\"available\":[]}");
        }
        if (r.path().startsWith("/v1/checkout/sessions/")) {
            return existingSession(r);
        }
        if (!(r.method().equals("POST") && r.path().equals("/v1/checkout/sessions"))) {
            return Reply.json(404, "{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"resource_missing\"}}");
        }
        if (!r.headers().first("content-type").orElse("").startsWith("application/x-www-form-urlencoded")) {
            return error("content type");
        }
        Map<String, String> f = form(r.bodyText());
        for (String required : new String[] {"mode", "success_url", "line_items[0][price_data][currency]",
                "line_items[0][price_data][unit_amount]", "line_items[0][quantity]"}) {
            if (!f.containsKey(required)) {
                return error("parameter_missing");
            }
        }
        long expiresAt = Long.parseLong(f.getOrDefault("expires_at", Long.toString(now.getEpochSecond() + 86_400)));
        if (expiresAt < now.getEpochSecond() + 1800 || expiresAt > now.getEpochSecond() + 86_400) {
            return error("parameter_invalid_integer");
        }
        String id = "cs_test_" + sessions.incrementAndGet();
        sessionStatus.put(id, "open");
        return Reply.json(200, "{\"id\":\"" + id + "\",\"object\":\"checkout.session\",\"url\":"
                + "\"https://checkout.stripe.com/c/pay/" + id + "\",\"expires_at\":" + expiresAt
                + ",\"client_reference_id\":\"" + f.get("client_reference_id") + "\"}");
    }

    /**
     * GET /v1/checkout/sessions/{id} and POST /v1/checkout/sessions/{id}/expire, which Stripe answers only for an
     * open session: any other is a 400 invalid_request_error.
     */
    private Reply existingSession(Received r) {
        String[] parts = r.path().substring("/v1/checkout/sessions/".length()).split("/");
        String status = sessionStatus.get(parts[0]);
        if (status == null) {
            return Reply.json(404, "{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"resource_missing\"}}");
        }
        if (r.method().equals("GET") && parts.length == 1) {
            return session(parts[0], status);
        }
        if (!(r.method().equals("POST") && parts.length == 2 && parts[1].equals("expire"))) {
            return Reply.json(404, "{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"resource_missing\"}}");
        }
        if (!status.equals("open")) {
            return Reply.json(400, "{\"error\":{\"type\":\"invalid_request_error\",\"message\":"
                    + "\"Only Checkout Sessions with a status in [\\\"open\\\"] can be expired.\"}}");
        }
        sessionStatus.put(parts[0], "expired");
        return session(parts[0], "expired");
    }

    private static Reply session(String id, String status) {
        return Reply.json(200, "{\"id\":\"" + id + "\",\"object\":\"checkout.session\",\"status\":\"" + status
                + "\"}");
    }

    private static Reply error(String code) {
        return Reply.json(400, "{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"" + code + "\"}}");
    }

    @Override
    public void close() {
        server.close();
    }
}
