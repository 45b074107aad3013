package io.billingnow.plugin.adyen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.billingnow.sdk.Credentials;
import io.billingnow.sdk.Headers;
import io.billingnow.sdk.ProviderException;
import io.billingnow.sdk.ProviderException.Kind;
import io.billingnow.sdk.http.HttpRequest;
import io.billingnow.sdk.http.HttpResponse;
import io.billingnow.sdk.http.HttpTransport;
import io.billingnow.sdk.link.PaymentLink;
import io.billingnow.sdk.link.PaymentLinkCancellation;
import io.billingnow.sdk.link.PaymentLinkRequest;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Issues links through Adyen's Payment Links API ({@code POST /v71/paymentLinks}). The link's {@code reference} is
 * our invoice id, so Adyen's notifications carry it back as {@code merchantReference}. A revoked link is expired
 * with {@code PATCH /v71/paymentLinks/{linkId}}.
 */
final class AdyenPaymentLinks {

    /** Adyen keeps a payment link usable for at most 70 days. */
    static final Duration MAX_LIFETIME = Duration.ofDays(70);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LINK_ID = Pattern.compile("[A-Za-z0-9]{1,64}");
    /** Link statuses in which nobody can pay any more. */
    private static final Set<String> FINAL_STATUSES = Set.of("expired", "completed", "paid");

    private final HttpTransport http;
    private final Clock clock;

    AdyenPaymentLinks(HttpTransport http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    PaymentLink create(PaymentLinkRequest request) throws ProviderException {
        Credentials credentials = request.credentials();
        String apiKey = credentials.require(AdyenProviderFactory.API_KEY);
        String merchantAccount = credentials.require(AdyenProviderFactory.MERCHANT_ACCOUNT);
        URI endpoint = endpoint(credentials);
        Instant now = clock.instant();
        if (!request.expiresAt().isAfter(now)) {
            throw new ProviderException(Kind.INVALID_REQUEST, "the requested expiry has already passed");
        }
        Instant latest = now.plus(MAX_LIFETIME);
        Instant expiresAt = Instant.ofEpochSecond(
                (request.expiresAt().isBefore(latest) ? request.expiresAt() : latest).getEpochSecond());

        ObjectNode body = JSON.createObjectNode();
        body.putObject("amount").put("value", request.amount().minorUnits())
                .put("currency", request.amount().currency());
        body.put("reference", request.invoice().invoiceId());
        body.put("merchantAccount", merchantAccount);
        body.put("description", "Invoice " + request.invoice().invoiceNumber() + " – "
                + request.invoice().description());
        // Adyen has a single return URL; the customer who gives up simply leaves the hosted page.
        body.put("returnUrl", request.successUrl().toString());
        body.put("expiresAt", expiresAt.toString());
        request.invoice().customerEmail().ifPresent(e -> body.put("shopperEmail", e));
        body.putObject("metadata").put("tenantId", request.tenant().tenantId());

        HttpResponse response;
        try {
            response = http.send(new HttpRequest("POST", endpoint, Headers.of(
                    "X-API-Key", apiKey,
                    "Content-Type", "application/json",
                    "Idempotency-Key", idempotencyKey(request)),
                    JSON.writeValueAsBytes(body)));
        } catch (IOException e) {
            throw new ProviderException(Kind.UNAVAILABLE, "Adyen could not be reached", e);
        }
        JsonNode link = successBody(response);
        String id = link.path("id").asText("");
        String url = link.path("url").asText("");
        if (id.isEmpty() || url.isEmpty()) {
            throw new ProviderException(Kind.UNEXPECTED_RESPONSE, "payment link without id or url");
        }
        Instant reported = expiresAt;
        if (link.path("expiresAt").isTextual()) {
            try {
                reported = OffsetDateTime.parse(link.path("expiresAt").asText()).toInstant();
            } catch (DateTimeParseException e) {
                throw new ProviderException(Kind.UNEXPECTED_RESPONSE, "payment link expiresAt is not a date-time");
            }
        }
        try {
            return new PaymentLink(new URI(url), id, reported.isBefore(expiresAt) ? reported : expiresAt);
        } catch (URISyntaxException e) {
            throw new ProviderException(Kind.UNEXPECTED_RESPONSE, "payment link url is not a URI");
        }
    }

    /**
     * Expires a payment link ({@code PATCH /v71/paymentLinks/{linkId}} with {@code status: expired}), so it can no
     * longer be paid. When Adyen refuses, the link is read back: one already expired, completed or paid counts as
     * closed.
     */
    void expire(PaymentLinkCancellation request) throws ProviderException {
        Credentials credentials = request.credentials();
        String apiKey = credentials.require(AdyenProviderFactory.API_KEY);
        String id = request.providerReference();
        if (!LINK_ID.matcher(id).matches()) {
            throw new ProviderException(Kind.INVALID_REQUEST, "not an Adyen payment link id");
        }
        URI link = URI.create(endpoint(credentials) + "/" + id);
        ObjectNode body = JSON.createObjectNode().put("status", "expired");
        HttpResponse patched;
        try {
            patched = http.send(new HttpRequest("PATCH", link, Headers.of("X-API-Key", apiKey,
                    "Content-Type", "application/json"), JSON.writeValueAsBytes(body)));
        } catch (IOException e) {
            throw new ProviderException(Kind.UNAVAILABLE, "Adyen could not be reached", e);
        }
        if (patched.isSuccess() || patched.status() >= 500 || patched.status() == 401 || patched.status() == 403
                || patched.status() == 429) {
            successBody(patched);
            return;
        }
        HttpResponse current;
        try {
            current = http.send(HttpRequest.get(link, Headers.of("X-API-Key", apiKey)));
        } catch (IOException e) {
            throw new ProviderException(Kind.UNAVAILABLE, "Adyen could not be reached", e);
        }
        String status = successBody(current).path("status").asText("");
        if (!FINAL_STATUSES.contains(status)) {
            successBody(patched);
        }
    }

    private static URI endpoint(Credentials credentials) throws ProviderException {
        String base = credentials.get(AdyenProviderFactory.API_BASE_URL)
                .orElse(AdyenProviderFactory.DEFAULT_API_BASE_URL);
        // Live endpoints carry a path ("/checkout"), so append rather than resolve.
        String trimmed = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        try {
            URI uri = new URI(trimmed + "/v71/paymentLinks");
            if (!uri.isAbsolute()) {
                throw new ProviderException(Kind.INVALID_CREDENTIALS, "API base URL must be absolute");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ProviderException(Kind.INVALID_CREDENTIALS, "API base URL is not a URI");
        }
    }

    private static JsonNode successBody(HttpResponse response) throws ProviderException {
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (IOException e) {
            body = null;
        }
        int status = response.status();
        if (response.isSuccess() && body != null && body.isObject()) {
            return body;
        }
        if (response.isSuccess()) {
            throw new ProviderException(Kind.UNEXPECTED_RESPONSE, "Adyen answered " + status + " without JSON");
        }
        // errorCode is a stable Adyen code; the message may echo request values and is left out.
        String code = body != null && body.path("errorCode").isTextual()
                ? " (errorCode " + body.path("errorCode").asText() + ")" : "";
        if (status == 401 || status == 403) {
            throw new ProviderException(Kind.INVALID_CREDENTIALS, "Adyen refused the API key" + code);
        }
        if (status == 429 || status >= 500) {
            throw new ProviderException(Kind.UNAVAILABLE, "Adyen answered " + status + code);
        }
        throw new ProviderException(Kind.INVALID_REQUEST, "Adyen refused the request with " + status + code);
    }

    private static String idempotencyKey(PaymentLinkRequest r) {
        String material = String.join("\n", r.tenant().tenantId(), r.invoice().invoiceId(),
                Long.toString(r.amount().minorUnits()), r.amount().currency(), r.expiresAt().toString(),
                r.successUrl().toString());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(material.getBytes(StandardCharsets.UTF_8));
            return "billingnow-" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
