package io.billingnow.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dropwizard.jackson.Jackson;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The example bank-transfer plugin as its partner's service speaks to the platform (plugins/README.md, "The example's
 * webhook scheme"): events signed with {@code X-Example-Timestamp} and {@code X-Example-Signature: v1=<hex HMAC-SHA256
 * of "<timestamp>." + body>}. The plugin makes no outbound call, so no fake server is needed.
 */
public final class ExampleBankTransfer {

    public static final String PROVIDER = "example-bank-transfer";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = Jackson.newObjectMapper();

    private ExampleBankTransfer() {
    }

    public static String newSecret() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return "example_secret_" + HexFormat.of().formatHex(bytes);
    }

    /** The body of {@code POST /v1/provider-accounts} for an example account with this webhook secret. */
    public static Map<String, Object> account(String webhookSecret) {
        return Map.of("providerId", PROVIDER, "displayName", "SEPA", "credentials", Map.of(
                "beneficiary_name", "Seller GmbH", "iban", "DE89370400440532013000",
                "pay_page_base_url", "https://bank.example"), "webhookSecret", webhookSecret);
    }

    /**
     * An event of the partner's service; {@code transfer} fields given as null are left out (an amount of null leaves
     * out the amount and the currency).
     */
    public static byte[] event(String eventId, String type, String transferId, String invoiceReference, Long amount,
                               String currency) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", eventId);
        root.put("type", type);
        root.put("occurred_at", Instant.now().toString());
        ObjectNode transfer = root.putObject("transfer");
        if (transferId != null) {
            transfer.put("id", transferId);
        }
        if (amount != null) {
            transfer.put("amount_minor", amount);
            transfer.put("currency", currency);
        }
        if (invoiceReference != null) {
            transfer.put("invoice_reference", invoiceReference);
        }
        return root.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A received transfer: the payment the platform records. */
    public static byte[] transferReceived(String eventId, String transferId, String invoiceReference, long amount) {
        return event(eventId, "transfer.received", transferId, invoiceReference, amount, "EUR");
    }

    public static String signature(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return "v1=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A delivery to the account's webhook URL, signed now with {@code secret}, ready to be sent. */
    public static Invocation delivery(TestPlatform platform, JsonNode account, String secret, byte[] body) {
        long now = Instant.now().getEpochSecond();
        return delivery(platform, account, Map.of("X-Example-Timestamp", Long.toString(now),
                "X-Example-Signature", signature(secret, now, body)), body);
    }

    /** A delivery with exactly these headers (for forged, unsigned or stale ones). */
    public static Invocation delivery(TestPlatform platform, JsonNode account, Map<String, String> headers,
                                      byte[] body) {
        Invocation.Builder request = platform.request(URI.create(account.get("webhookUrl").asText()).getPath(), null);
        headers.forEach(request::header);
        return request.buildPost(Entity.entity(body, "application/json"));
    }

    public static Response deliver(TestPlatform platform, JsonNode account, String secret, byte[] body) {
        return TestPlatform.buffered(delivery(platform, account, secret, body).invoke());
    }

    /** The outcome of the delivery's one event (asserting the 200 first). */
    public static String outcome(Response response) {
        JsonNode events = TestPlatform.expect(response, 200).get("events");
        if (events.size() != 1) {
            throw new AssertionError("expected one event, got " + events);
        }
        return events.get(0).get("outcome").asText();
    }
}
