package io.billingnow.plugin.stripe;

import io.billingnow.sdk.Headers;
import io.billingnow.sdk.webhook.RejectionReason;
import io.billingnow.sdk.webhook.WebhookRejectedException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Checks the {@code Stripe-Signature} header: {@code t=<unix seconds>,v1=<hex>[,v1=<hex>...]}, where each v1 is
 * HMAC-SHA256 keyed with the endpoint's signing secret over {@code t + "." + raw body}. Stripe sends several v1
 * values while an endpoint's secret is being rolled; any match against any configured secret is accepted.
 */
final class StripeSignatureVerifier {

    static final String HEADER = "Stripe-Signature";
    static final Duration TOLERANCE = Duration.ofMinutes(5);
    static final int MAX_BODY_BYTES = 2 * 1024 * 1024;
    private static final int MAX_HEADER_CHARS = 8 * 1024;

    private final Clock clock;

    StripeSignatureVerifier(Clock clock) {
        this.clock = clock;
    }

    void verify(byte[] body, Headers headers, List<String> configuredSecrets) throws WebhookRejectedException {
        List<String> secrets = configuredSecrets.stream().filter(s -> !s.isBlank()).toList();
        if (body.length > MAX_BODY_BYTES) {
            throw new WebhookRejectedException(RejectionReason.TOO_LARGE, "body exceeds " + MAX_BODY_BYTES + " bytes");
        }
        if (secrets.isEmpty()) {
            throw new WebhookRejectedException(RejectionReason.NO_SECRET_CONFIGURED, "no webhook signing secret");
        }
        List<String> values = headers.all(HEADER);
        if (values.isEmpty()) {
            throw new WebhookRejectedException(RejectionReason.MISSING_SIGNATURE, HEADER + " header absent");
        }
        if (values.size() > 1 || values.get(0).length() > MAX_HEADER_CHARS) {
            throw new WebhookRejectedException(RejectionReason.MALFORMED, HEADER + " header malformed");
        }
        ParsedHeader parsed = parse(values.get(0));
        if (parsed.signatures().isEmpty()) {
            throw new WebhookRejectedException(RejectionReason.MISSING_SIGNATURE, "no v1 signature in header");
        }
        byte[] prefix = (parsed.timestamp() + ".").getBytes(StandardCharsets.US_ASCII);
        boolean matched = false;
        for (String secret : secrets) {
            byte[] expected = hmac(secret, prefix, body);
            for (byte[] candidate : parsed.signatures()) {
                // Evaluate every pair so timing does not reveal which secret or position matched.
                matched |= MessageDigest.isEqual(expected, candidate);
            }
        }
        if (!matched) {
            throw new WebhookRejectedException(RejectionReason.BAD_SIGNATURE, "no v1 signature matches");
        }
        long age = clock.instant().getEpochSecond() - parsed.timestamp();
        if (Math.abs(age) > TOLERANCE.toSeconds()) {
            throw new WebhookRejectedException(RejectionReason.STALE_TIMESTAMP,
                    "timestamp is " + age + " s away from now, tolerance " + TOLERANCE.toSeconds() + " s");
        }
    }

    private record ParsedHeader(long timestamp, List<byte[]> signatures) {
    }

    private static ParsedHeader parse(String header) throws WebhookRejectedException {
        Long timestamp = null;
        List<byte[]> signatures = new ArrayList<>();
        for (String item : header.split(",")) {
            int eq = item.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = item.substring(0, eq).trim();
            String value = item.substring(eq + 1).trim();
            if (key.equals("t")) {
                if (timestamp != null || !value.matches("[0-9]{1,12}")) {
                    throw new WebhookRejectedException(RejectionReason.MALFORMED, "timestamp malformed");
                }
                timestamp = Long.parseLong(value);
            } else if (key.equals("v1")) {
                if (value.length() == 64 && value.matches("[0-9a-fA-F]+")) {
                    signatures.add(HexFormat.of().parseHex(value));
                }
                // A v1 of the wrong shape can never match; ignoring it lets a valid sibling still verify.
            }
        }
        if (timestamp == null) {
            throw new WebhookRejectedException(RejectionReason.MALFORMED, "timestamp absent");
        }
        return new ParsedHeader(timestamp, signatures);
    }

    private static byte[] hmac(String secret, byte[] prefix, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(prefix);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
