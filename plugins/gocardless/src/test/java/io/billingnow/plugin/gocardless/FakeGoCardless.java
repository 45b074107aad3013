package io.billingnow.plugin.gocardless;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.billingnow.sdk.testkit.FakeHttpServer;
import io.billingnow.sdk.testkit.FakeHttpServer.Received;
import io.billingnow.sdk.testkit.FakeHttpServer.Reply;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A hand-written fake of the GoCardless endpoints the plugin uses, on loopback, including the 409 GoCardless
 * answers when a create is retried with an idempotency key it has already executed.
 */
final class FakeGoCardless implements AutoCloseable {

    static final String TOKEN = "sandbox_FakeTokenForBillingNowTests";
    static final ObjectMapper JSON = new ObjectMapper();

    private final Instant now;
    private final FakeHttpServer server;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<String, String> byIdempotencyKey = new ConcurrentHashMap<>();
    volatile int forcedStatus;
    volatile Duration flowLifetime = Duration.ofDays(7);
    /** Billing request id to its status: pending when created, cancelled or fulfilled later. */
    final Map<String, String> billingRequests = new ConcurrentHashMap<>();
    /** Payment id to the payment resource, as GET /payments/{id} answers it. */
    private final Map<String, String> payments = new ConcurrentHashMap<>();

    FakeGoCardless(Instant now) throws IOException {
        this.now = now;
        this.server = FakeHttpServer.start(this::handle);
    }

    URI baseUri() {
        return server.baseUri();
    }

    FakeHttpServer server() {
        return server;
    }

    /** Makes a payment readable at GET /payments/{id}. */
    void payment(String id, long amount, String currency, String status, String invoiceReference) {
        payments.put(id, "{\"payments\":{\"id\":\"" + id + "\",\"amount\":" + amount + ",\"currency\":\""
                + currency + "\",\"status\":\"" + status + "\",\"metadata\":{\"invoice_reference\":\""
                + invoiceReference + "\"},\"links\":{\"mandate\":\"MD0001\"}}}");
    }

    private Reply handle(Received r) {
        if (forcedStatus != 0) {
            return Reply.json(forcedStatus, "{\"error\":{\"type\":\"gocardless\",\"code\":" + forcedStatus
                    + ",\"message\":\"echo " + TOKEN + "\",\"errors\":[{\"reason\":\"internal_error\"}]}}");
        }
        if (!r.headers().first("authorization").orElse("").equals("Bearer " + TOKEN)) {
            return Reply.json(401, "{\"error\":{\"type\":\"invalid_api_usage\",\"code\":401,"
                    + "\"errors\":[{\"reason\":\"unauthorized\"}]}}");
        }
        if (!r.headers().first("gocardless-version").orElse("").equals("2015-07-06")) {
            return Reply.json(400, "{\"error\":{\"type\":\"invalid_api_usage\",\"code\":400,"
                    + "\"errors\":[{\"reason\":\"missing_version_header\"}]}}");
        }
        if (r.method().equals("GET") && r.path().equals("/creditors")) {
            return Reply.json(200, "{\"creditors\":[],\"meta\":{}}");
        }
        if (r.method().equals("GET") && r.path().startsWith("/payments/")) {
            String payment = payments.get(r.path().substring("/payments/".length()));
            return payment == null ? notFound() : Reply.json(200, payment);
        }
        if (r.method().equals("GET") && r.path().startsWith("/billing_requests/")) {
            String id = r.path().substring("/billing_requests/".length());
            String status = billingRequests.get(id);
            return status == null ? notFound() : Reply.json(200, "{\"billing_requests\":{\"id\":\"" + id
                    + "\",\"status\":\"" + status + "\"}}");
        }
        JsonNode body;
        try {
            body = JSON.readTree(r.body());
        } catch (IOException e) {
            return Reply.json(400, "{\"error\":{\"type\":\"invalid_api_usage\",\"errors\":[{\"reason\":\"invalid_json\"}]}}");
        }
        if (r.method().equals("POST") && r.path().equals("/billing_requests")) {
            JsonNode pr = body.path("billing_requests").path("payment_request");
            if (!pr.path("amount").isIntegralNumber() || !pr.path("currency").isTextual()) {
                return validationFailed();
            }
            String key = r.headers().first("idempotency-key").orElse(null);
            if (key != null && byIdempotencyKey.containsKey(key)) {
                return Reply.json(409, "{\"error\":{\"type\":\"invalid_state\",\"code\":409,\"errors\":[{"
                        + "\"reason\":\"idempotent_creation_conflict\",\"links\":{\"conflicting_resource_id\":\""
                        + byIdempotencyKey.get(key) + "\"}}]}}");
            }
            String id = "BRQ" + ids.incrementAndGet();
            billingRequests.put(id, "pending");
            if (key != null) {
                byIdempotencyKey.put(key, id);
            }
            return Reply.json(201, "{\"billing_requests\":{\"id\":\"" + id + "\",\"status\":\"pending\"}}");
        }
        if (r.method().equals("POST") && r.path().equals("/billing_request_flows")) {
            JsonNode f = body.path("billing_request_flows");
            String br = f.path("links").path("billing_request").asText("");
            if (!br.startsWith("BRQ") || !f.path("redirect_uri").isTextual()) {
                return validationFailed();
            }
            String id = "BRF" + ids.incrementAndGet();
            return Reply.json(201, "{\"billing_request_flows\":{\"id\":\"" + id + "\",\"authorisation_url\":"
                    + "\"https://pay-sandbox.gocardless.com/billing/static/flow?id=" + id + "\",\"expires_at\":\""
                    + now.plus(flowLifetime) + "\",\"links\":{\"billing_request\":\"" + br + "\"}}}");
        }
        if (r.method().equals("POST") && r.path().matches("/billing_requests/[^/]+/actions/cancel")) {
            // An action's body is a "data" envelope (optionally with metadata).
            if (!body.path("data").isObject()) {
                return validationFailed();
            }
            String id = r.path().split("/")[2];
            String status = billingRequests.get(id);
            if (status == null) {
                return notFound();
            }
            if (!status.equals("pending") && !status.equals("ready_to_fulfil")) {
                return Reply.json(422, "{\"error\":{\"type\":\"invalid_state\",\"code\":422,"
                        + "\"errors\":[{\"reason\":\"billing_request_not_cancellable\"}]}}");
            }
            billingRequests.put(id, "cancelled");
            return Reply.json(200, "{\"billing_requests\":{\"id\":\"" + id + "\",\"status\":\"cancelled\"}}");
        }
        return notFound();
    }

    private static Reply notFound() {
        return Reply.json(404, "{\"error\":{\"type\":\"invalid_api_usage\",\"errors\":[{\"reason\":\"not_found\"}]}}");
    }

    private static Reply validationFailed() {
        return Reply.json(422, "{\"error\":{\"type\":\"validation_failed\",\"code\":422,"
                + "\"errors\":[{\"reason\":\"invalid\"}]}}");
    }

    @Override
    public void close() {
        server.close();
    }
}
