package io.billingnow.plugin.stripe;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.billingnow.sdk.CredentialCheckResult;
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
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Calls Stripe's API through the host's transport: Checkout Sessions for links (created, and expired when a link is
 * revoked), the balance for key checks.
 */
final class StripeApiClient {

    /** Stripe accepts a Checkout Session expiry from 30 minutes to 24 hours after creation. */
    static final Duration MIN_SESSION_LIFETIME = Duration.ofMinutes(30);
    static final Duration MAX_SESSION_LIFETIME = Duration.ofHours(24);
    /** Keeps our expiry inside Stripe's window even if Stripe's clock differs a little from ours. */
    static final Duration CLOCK_MARGIN = Duration.ofMinutes(2);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SESSION_ID = Pattern.compile("cs_[A-Za-z0-9_]{1,250}");

    private final HttpTransport http;
    private final Clock clock;

    StripeApiClient(HttpTransport http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    PaymentLink createCheckoutSession(PaymentLinkRequest request) throws ProviderException {
        String key = request.credentials().require(StripeProviderFactory.SECRET_KEY);
        URI base = baseUrl(request.credentials());
        Instant now = clock.instant();
        Instant expiresAt = sessionExpiry(now, request.expiresAt());

        FormEncoder form = new FormEncoder()
                .add("mode", "payment")
                .add("line_items[0][quantity]", "1")
                .add("line_items[0][price_data][currency]", request.amount().currency().toLowerCase(Locale.ROOT))
                .add("line_items[0][price_data][unit_amount]", Long.toString(request.amount().minorUnits()))
                .add("line_items[0][price_data][product_data][name]", productName(request))
                .add("success_url", request.successUrl().toString())
                .add("cancel_url", request.cancelUrl().toString())
                .add("expires_at", Long.toString(expiresAt.getEpochSecond()))
                .add("client_reference_id", request.invoice().invoiceId())
                .add("metadata[" + StripeEventParser.INVOICE_METADATA_KEY + "]", request.invoice().invoiceId())
                .add("metadata[tenant_id]", request.tenant().tenantId())
                .add("payment_intent_data[metadata][" + StripeEventParser.INVOICE_METADATA_KEY + "]",
                        request.invoice().invoiceId())
                .add("payment_intent_data[metadata][tenant_id]", request.tenant().tenantId());
        request.invoice().customerEmail().ifPresent(email -> form.add("customer_email", email));

        Headers headers = Headers.of(
                "Authorization", "Bearer " + key,
                "Content-Type", "application/x-www-form-urlencoded",
                // The same request retried by the host yields the same session instead of a second one.
                "Idempotency-Key", idempotencyKey(request));
        HttpResponse response = send(HttpRequest.post(base.resolve("/v1/checkout/sessions"), headers, form.encode()));
        JsonNode session = successBody(response);
        String url = session.path("url").asText("");
        String id = session.path("id").asText("");
        if (url.isEmpty() || id.isEmpty()) {
            throw new ProviderException(Kind.UNEXPECTED_RESPONSE, "Checkout Session without id or url");
        }
        Instant reported = session.path("expires_at").canConvertToLong()
                ? Instant.ofEpochSecond(session.path("expires_at").asLong()) : expiresAt;
        try {
            return new PaymentLink(new URI(url), id, reported.isBefore(expiresAt) ? reported : expiresAt);
        } catch (URISyntaxException e) {
            throw new ProviderException(Kind.UNEXPECTED_RESPONSE, "Checkout Session url is not a URI");
        }
    }

    /**
     * Expires a Checkout Session ({@code POST /v1/checkout/sessions/{id}/expire}), so it can no longer be paid. Stripe
     * expires only open sessions; when it refuses, the session is read back and one that is already expired or
     * complete counts as closed.
     */
    void expireCheckoutSession(PaymentLinkCancellation request) throws ProviderException {
        String key = request.credentials().require(StripeProviderFactory.SECRET_KEY);
        String id = request.providerReference();
        if (!SESSION_ID.matcher(id).matches()) {
            throw new ProviderException(Kind.INVALID_REQUEST, "not a Checkout Session id");
        }
        URI session = baseUrl(request.credentials()).resolve("/v1/checkout/sessions/" + id);
        Headers auth = Headers.of("Authorization", "Bearer " + key);
        HttpResponse expired = send(HttpRequest.post(URI.create(session + "/expire"),
                auth.with("Content-Type", "application/x-www-form-urlencoded"), ""));
        if (expired.isSuccess() || expired.status() != 400) {
            successBody(expired);
            return;
        }
        String status = successBody(send(HttpRequest.get(session, auth))).path("status").asText("");
        if (!status.equals("expired") && !status.equals("complete")) {
            successBody(expired);
        }
    }

    CredentialCheckResult checkCredentials(Credentials credentials) {
        try {
            String key = credentials.require(StripeProviderFactory.SECRET_KEY);
            HttpResponse response = send(HttpRequest.get(baseUrl(credentials).resolve("/v1/balance"),
                    Headers.of("Authorization", "Bearer " + key)));
            successBody(response);
            return new CredentialCheckResult(CredentialCheckResult.Status.VALID, "Stripe accepted the API key");
        } catch (ProviderException e) {
            return switch (e.kind()) {
                case INVALID_CREDENTIALS -> new CredentialCheckResult(CredentialCheckResult.Status.INVALID,
                        e.getMessage());
                case UNAVAILABLE -> new CredentialCheckResult(CredentialCheckResult.Status.UNREACHABLE,
                        e.getMessage());
                default -> new CredentialCheckResult(CredentialCheckResult.Status.INVALID, e.getMessage());
            };
        }
    }

    static Instant sessionExpiry(Instant now, Instant requested) throws ProviderException {
        if (!requested.isAfter(now)) {
            throw new ProviderException(Kind.INVALID_REQUEST, "the requested expiry has already passed");
        }
        if (requested.isBefore(now.plus(MIN_SESSION_LIFETIME).plus(CLOCK_MARGIN))) {
            throw new ProviderException(Kind.INVALID_REQUEST,
                    "Stripe Checkout links must stay open at least 30 minutes; requested expiry is sooner");
        }
        Instant latest = now.plus(MAX_SESSION_LIFETIME).minus(CLOCK_MARGIN);
        Instant chosen = requested.isBefore(latest) ? requested : latest;
        // Whole seconds, rounded down, so the expiry sent is never after the one requested.
        return Instant.ofEpochSecond(chosen.getEpochSecond());
    }

    private HttpResponse send(HttpRequest request) throws ProviderException {
        try {
            return http.send(request);
        } catch (IOException e) {
            throw new ProviderException(Kind.UNAVAILABLE, "Stripe could not be reached", e);
        }
    }

    private static JsonNode successBody(HttpResponse response) throws ProviderException {
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (JacksonException e) {
            body = null;
        } catch (IOException e) {
            body = null;
        }
        int status = response.status();
        if (response.isSuccess()) {
            if (body == null || !body.isObject()) {
                throw new ProviderException(Kind.UNEXPECTED_RESPONSE, "Stripe answered " + status + " without JSON");
            }
            return body;
        }
        // Stripe's error type and code are safe to show; its message may echo request values, so it is left out.
        JsonNode error = body == null ? null : body.path("error");
        String detail = error == null || error.isMissingNode() ? ""
                : " (" + error.path("type").asText("unknown") + (error.hasNonNull("code")
                ? "/" + error.path("code").asText() : "") + ")";
        if (status == 401 || status == 403) {
            throw new ProviderException(Kind.INVALID_CREDENTIALS, "Stripe refused the API key" + detail);
        }
        if (status == 429 || status >= 500) {
            throw new ProviderException(Kind.UNAVAILABLE, "Stripe answered " + status + detail);
        }
        throw new ProviderException(Kind.INVALID_REQUEST, "Stripe refused the request with " + status + detail);
    }

    private static URI baseUrl(Credentials credentials) throws ProviderException {
        String base = credentials.get(StripeProviderFactory.API_BASE_URL)
                .orElse(StripeProviderFactory.DEFAULT_API_BASE_URL);
        try {
            URI uri = new URI(base);
            if (!uri.isAbsolute()) {
                throw new ProviderException(Kind.INVALID_CREDENTIALS, "API base URL must be absolute");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ProviderException(Kind.INVALID_CREDENTIALS, "API base URL is not a URI");
        }
    }

    private static String productName(PaymentLinkRequest request) {
        String name = "Invoice " + request.invoice().invoiceNumber();
        String description = request.invoice().description();
        return description.isBlank() ? name : name + " – " + description;
    }

    private static String idempotencyKey(PaymentLinkRequest r) {
        String material = String.join("\n", r.tenant().tenantId(), r.invoice().invoiceId(),
                Long.toString(r.amount().minorUnits()), r.amount().currency(), r.expiresAt().toString(),
                r.successUrl().toString(), r.cancelUrl().toString());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(material.getBytes(StandardCharsets.UTF_8));
            return "billingnow-" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
