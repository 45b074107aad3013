package io.billingnow.plugin.gocardless;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.billingnow.sdk.CredentialCheckResult;
import io.billingnow.sdk.Credentials;
import io.billingnow.sdk.Headers;
import io.billingnow.sdk.Money;
import io.billingnow.sdk.ProviderException;
import io.billingnow.sdk.ProviderException.Kind;
import io.billingnow.sdk.http.HttpRequest;
import io.billingnow.sdk.http.HttpResponse;
import io.billingnow.sdk.http.HttpTransport;
import io.billingnow.sdk.link.PaymentLink;
import io.billingnow.sdk.link.PaymentLinkCancellation;
import io.billingnow.sdk.link.PaymentLinkRequest;
import io.billingnow.sdk.webhook.EventType;
import io.billingnow.sdk.webhook.WebhookEvent;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Calls the GoCardless API: a Billing Request with a payment request for the amount, then a Billing Request Flow
 * whose {@code authorisation_url} is the link. GoCardless decides a flow's lifetime itself (it reports
 * {@code expires_at}); the link returned reports the earlier of that and the requested expiry. A revoked link's
 * billing request is cancelled.
 */
final class GoCardlessApiClient {

    static final String API_VERSION = "2015-07-06";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PAYMENT_ID = Pattern.compile("PM[0-9A-Za-z]{1,60}");
    /** Payment statuses in which the money has been collected from the customer. */
    private static final Set<String> PAID_STATUSES = Set.of("confirmed", "paid_out");
    private static final Pattern BILLING_REQUEST_ID = Pattern.compile("BRQ[0-9A-Za-z]{1,60}");
    /** Billing request statuses in which its flow can no longer take a payment. */
    private static final Set<String> CLOSED_STATUSES = Set.of("cancelled", "fulfilled", "fulfilling");

    private final HttpTransport http;
    private final Clock clock;

    GoCardlessApiClient(HttpTransport http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    PaymentLink createBillingRequestFlow(PaymentLinkRequest request) throws ProviderException {
        String token = request.credentials().require(GoCardlessProviderFactory.ACCESS_TOKEN);
        String base = baseUrl(request.credentials());
        Instant requested = Instant.ofEpochSecond(request.expiresAt().getEpochSecond());
        if (!requested.isAfter(clock.instant())) {
            throw new ProviderException(Kind.INVALID_REQUEST, "the requested expiry has already passed");
        }

        ObjectNode billingRequest = JSON.createObjectNode();
        ObjectNode br = billingRequest.putObject("billing_requests");
        ObjectNode paymentRequest = br.putObject("payment_request");
        paymentRequest.put("amount", request.amount().minorUnits());
        paymentRequest.put("currency", request.amount().currency());
        paymentRequest.put("description", "Invoice " + request.invoice().invoiceNumber() + " – "
                + request.invoice().description());
        paymentRequest.putObject("metadata").put(GoCardlessWebhooks.INVOICE_METADATA_KEY,
                request.invoice().invoiceId());
        br.putObject("metadata").put(GoCardlessWebhooks.INVOICE_METADATA_KEY, request.invoice().invoiceId())
                .put("tenant_id", request.tenant().tenantId());
        String billingRequestId = createBillingRequest(base, token, billingRequest, idempotencyKey(request));

        ObjectNode flow = JSON.createObjectNode();
        ObjectNode brf = flow.putObject("billing_request_flows");
        brf.put("redirect_uri", request.successUrl().toString());
        brf.put("exit_uri", request.cancelUrl().toString());
        brf.putObject("links").put("billing_request", billingRequestId);
        request.invoice().customerEmail().ifPresent(email ->
                brf.putObject("prefilled_customer").put("email", email));
        JsonNode created = successBody(post(base + "/billing_request_flows", token, flow, null))
                .path("billing_request_flows");
        String url = created.path("authorisation_url").asText("");
        if (url.isEmpty()) {
            throw new ProviderException(Kind.UNEXPECTED_RESPONSE, "billing request flow without authorisation_url");
        }
        Instant expiresAt = requested;
        if (created.path("expires_at").isTextual()) {
            try {
                Instant flowExpiry = OffsetDateTime.parse(created.path("expires_at").asText()).toInstant();
                expiresAt = flowExpiry.isBefore(requested) ? flowExpiry : requested;
            } catch (DateTimeParseException e) {
                throw new ProviderException(Kind.UNEXPECTED_RESPONSE, "flow expires_at is not a date-time");
            }
        }
        try {
            return new PaymentLink(new URI(url), billingRequestId, expiresAt);
        } catch (URISyntaxException e) {
            throw new ProviderException(Kind.UNEXPECTED_RESPONSE, "authorisation_url is not a URI");
        }
    }

    private String createBillingRequest(String base, String token, ObjectNode body, String idempotencyKey)
            throws ProviderException {
        HttpResponse response = post(base + "/billing_requests", token, body, idempotencyKey);
        if (response.status() == 409) {
            // A retry of a request GoCardless already executed: it names the billing request created then.
            JsonNode error = readJson(response);
            if (error != null) {
                for (JsonNode e : error.path("error").path("errors")) {
                    if ("idempotent_creation_conflict".equals(e.path("reason").asText())
                            && e.path("links").path("conflicting_resource_id").isTextual()) {
                        return e.path("links").path("conflicting_resource_id").asText();
                    }
                }
            }
        }
        String id = successBody(response).path("billing_requests").path("id").asText("");
        if (id.isEmpty()) {
            throw new ProviderException(Kind.UNEXPECTED_RESPONSE, "billing request without id");
        }
        return id;
    }

    /**
     * Cancels the billing request behind a link ({@code POST /billing_requests/{id}/actions/cancel}); its flow then
     * no longer takes a payment. When GoCardless refuses, the billing request is read back: one already cancelled,
     * fulfilled or being fulfilled counts as closed.
     */
    void cancelBillingRequest(PaymentLinkCancellation request) throws ProviderException {
        String token = request.credentials().require(GoCardlessProviderFactory.ACCESS_TOKEN);
        String id = request.providerReference();
        if (!BILLING_REQUEST_ID.matcher(id).matches()) {
            throw new ProviderException(Kind.INVALID_REQUEST, "not a billing request id");
        }
        String billingRequest = baseUrl(request.credentials()) + "/billing_requests/" + id;
        ObjectNode body = JSON.createObjectNode();
        body.putObject("data");
        HttpResponse cancelled = post(billingRequest + "/actions/cancel", token, body, null);
        if (cancelled.status() != 422) {
            successBody(cancelled);
            return;
        }
        String status = successBody(send(HttpRequest.get(uri(billingRequest), headers(token, null))))
                .path("billing_requests").path("status").asText("");
        if (!CLOSED_STATUSES.contains(status)) {
            successBody(cancelled);
        }
    }

    /**
     * GoCardless events carry no amount. For a confirmed payment the plugin reads the payment
     * ({@code GET /payments/{id}}) and adds its amount and currency, and its invoice reference if the event's
     * metadata lacked it, provided the payment is confirmed or paid out. If the payment cannot be read the event is
     * passed on without an amount: the host keeps it for review instead of guessing.
     */
    WebhookEvent withPaymentAmount(WebhookEvent event, Credentials credentials) {
        if (event.type() != EventType.PAYMENT_SUCCEEDED || event.amount().isPresent()
                || event.paymentReference().isEmpty()
                || !PAYMENT_ID.matcher(event.paymentReference().get()).matches()) {
            return event;
        }
        try {
            String token = credentials.require(GoCardlessProviderFactory.ACCESS_TOKEN);
            JsonNode payment = successBody(send(HttpRequest.get(uri(baseUrl(credentials) + "/payments/"
                    + event.paymentReference().get()), headers(token, null)))).path("payments");
            JsonNode amount = payment.path("amount");
            String currency = payment.path("currency").asText("");
            if (!PAID_STATUSES.contains(payment.path("status").asText("")) || !amount.isIntegralNumber()
                    || !amount.canConvertToLong() || !currency.matches("[A-Z]{3}")) {
                return event;
            }
            Optional<String> invoice = event.invoiceReference().or(() -> Optional.of(
                    payment.path("metadata").path(GoCardlessWebhooks.INVOICE_METADATA_KEY).asText(""))
                    .filter(text -> !text.isBlank()));
            return new WebhookEvent(event.providerEventId(), event.type(), event.providerType(),
                    event.paymentReference(), invoice, Optional.of(new Money(amount.asLong(), currency)),
                    event.occurredAt());
        } catch (ProviderException e) {
            return event;
        }
    }

    CredentialCheckResult checkCredentials(Credentials credentials) {
        try {
            String token = credentials.require(GoCardlessProviderFactory.ACCESS_TOKEN);
            successBody(send(HttpRequest.get(uri(baseUrl(credentials) + "/creditors?limit=1"), headers(token, null))));
            return new CredentialCheckResult(CredentialCheckResult.Status.VALID, "GoCardless accepted the token");
        } catch (ProviderException e) {
            return new CredentialCheckResult(e.kind() == Kind.UNAVAILABLE ? CredentialCheckResult.Status.UNREACHABLE
                    : CredentialCheckResult.Status.INVALID, e.getMessage());
        }
    }

    private HttpResponse post(String url, String token, ObjectNode body, String idempotencyKey)
            throws ProviderException {
        return send(HttpRequest.post(uri(url), headers(token, idempotencyKey), body.toString()));
    }

    private static Headers headers(String token, String idempotencyKey) {
        Headers h = Headers.of("Authorization", "Bearer " + token, "GoCardless-Version", API_VERSION,
                "Content-Type", "application/json", "Accept", "application/json");
        return idempotencyKey == null ? h : h.with("Idempotency-Key", idempotencyKey);
    }

    private HttpResponse send(HttpRequest request) throws ProviderException {
        try {
            return http.send(request);
        } catch (IOException e) {
            throw new ProviderException(Kind.UNAVAILABLE, "GoCardless could not be reached", e);
        }
    }

    private static JsonNode readJson(HttpResponse response) {
        try {
            JsonNode node = JSON.readTree(response.body());
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static JsonNode successBody(HttpResponse response) throws ProviderException {
        JsonNode body = readJson(response);
        int status = response.status();
        if (response.isSuccess()) {
            if (body == null) {
                throw new ProviderException(Kind.UNEXPECTED_RESPONSE, "GoCardless answered " + status
                        + " without JSON");
            }
            return body;
        }
        // The error type and reasons are GoCardless's stable codes; messages may echo input and are left out.
        String detail = "";
        if (body != null) {
            JsonNode error = body.path("error");
            detail = " (" + error.path("type").asText("unknown");
            JsonNode first = error.path("errors").path(0);
            if (first.path("reason").isTextual()) {
                detail += "/" + first.path("reason").asText();
            }
            detail += ")";
        }
        if (status == 401 || status == 403) {
            throw new ProviderException(Kind.INVALID_CREDENTIALS, "GoCardless refused the access token" + detail);
        }
        if (status == 429 || status >= 500) {
            throw new ProviderException(Kind.UNAVAILABLE, "GoCardless answered " + status + detail);
        }
        throw new ProviderException(Kind.INVALID_REQUEST, "GoCardless refused the request with " + status + detail);
    }

    private static String baseUrl(Credentials credentials) {
        String base = credentials.get(GoCardlessProviderFactory.API_BASE_URL)
                .orElse(GoCardlessProviderFactory.DEFAULT_API_BASE_URL);
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    private static URI uri(String text) throws ProviderException {
        try {
            URI uri = new URI(text);
            if (!uri.isAbsolute()) {
                throw new ProviderException(Kind.INVALID_CREDENTIALS, "API base URL must be absolute");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ProviderException(Kind.INVALID_CREDENTIALS, "API base URL is not a URI");
        }
    }

    private static String idempotencyKey(PaymentLinkRequest r) {
        String material = String.join("\n", r.tenant().tenantId(), r.invoice().invoiceId(),
                Long.toString(r.amount().minorUnits()), r.amount().currency(), r.expiresAt().toString());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(material.getBytes(StandardCharsets.UTF_8));
            return "billingnow-" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
