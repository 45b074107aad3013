package io.billingnow.sdk.testkit;

import io.billingnow.sdk.Capability;
import io.billingnow.sdk.CredentialField;
import io.billingnow.sdk.Money;
import io.billingnow.sdk.PaymentProvider;
import io.billingnow.sdk.PaymentProviderFactory;
import io.billingnow.sdk.ProviderContext;
import io.billingnow.sdk.ProviderDescriptor;
import io.billingnow.sdk.ProviderException;
import io.billingnow.sdk.link.PaymentLink;
import io.billingnow.sdk.link.PaymentLinkCancellation;
import io.billingnow.sdk.link.PaymentLinkRequest;
import io.billingnow.sdk.webhook.EventType;
import io.billingnow.sdk.webhook.RejectionReason;
import io.billingnow.sdk.webhook.VerifiedWebhook;
import io.billingnow.sdk.webhook.WebhookEvent;
import io.billingnow.sdk.webhook.WebhookRejectedException;
import io.billingnow.sdk.webhook.WebhookRequest;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * A small provider used to test the contract itself: correct by default, with one deliberate flaw when asked.
 * Body: {@code id;invoice;amount;currency}; header {@code Toy-Signature: t=<unix>,v1=<hex HMAC of "t.body">}.
 */
final class ToyProvider implements PaymentProvider {

    enum Flaw { NONE, ACCEPTS_ANY_SIGNATURE, IGNORES_TIMESTAMP, ONLY_FIRST_SECRET, THROWS_ON_GARBAGE, LEAKS_SECRET,
        LINK_OUTLIVES_EXPIRY, WRONG_REASON_FOR_MISSING_SIGNATURE, ENDPOINT_WITHOUT_HOSTS, NO_PAYMENT_REFERENCE,
        CANCEL_FAILS_WHEN_REPEATED }

    /** The factory the contract instantiates reflectively; the flaw is passed by the test subclass instead. */
    public static final class Factory implements PaymentProviderFactory {
        private final Flaw flaw;

        public Factory() {
            this(Flaw.NONE);
        }

        Factory(Flaw flaw) {
            this.flaw = flaw;
        }

        @Override
        public ProviderDescriptor descriptor() {
            return new ProviderDescriptor("toy", "Toy", EnumSet.of(Capability.WEBHOOKS, Capability.PAYMENT_LINKS,
                    Capability.CANCEL_PAYMENT_LINKS),
                    List.of(CredentialField.required("merchant", "Merchant", false, "m_[a-z0-9]+"),
                            CredentialField.optional("api_base_url", "API base URL", false, "https://.+")
                                    .asEndpoint()),
                    Optional.of(CredentialField.required("secret", "Secret", true, "[a-f0-9]{32}")),
                    flaw == Flaw.ENDPOINT_WITHOUT_HOSTS ? java.util.Set.of() : java.util.Set.of("api.toy.example"));
        }

        @Override
        public PaymentProvider create(ProviderContext context) {
            return new ToyProvider(context, flaw);
        }
    }

    private final ProviderContext context;
    private final Flaw flaw;
    private final java.util.Set<String> cancelled = java.util.concurrent.ConcurrentHashMap.newKeySet();

    ToyProvider(ProviderContext context, Flaw flaw) {
        this.context = context;
        this.flaw = flaw;
    }

    static String header(byte[] body, long t, String secret) {
        return "t=" + t + ",v1=" + HexFormat.of().formatHex(hmac(secret, t, body));
    }

    @Override
    public VerifiedWebhook verifyWebhook(WebhookRequest request) throws WebhookRejectedException {
        byte[] body = request.body();
        if (body.length > 64 * 1024 && flaw != Flaw.THROWS_ON_GARBAGE) {
            throw new WebhookRejectedException(RejectionReason.TOO_LARGE, "too large");
        }
        List<String> secrets = request.credentials().webhookSecrets();
        if (secrets.isEmpty()) {
            throw new WebhookRejectedException(RejectionReason.NO_SECRET_CONFIGURED, "none");
        }
        Optional<String> h = request.headers().first("Toy-Signature");
        if (h.isEmpty()) {
            throw new WebhookRejectedException(flaw == Flaw.WRONG_REASON_FOR_MISSING_SIGNATURE
                    ? RejectionReason.MALFORMED : RejectionReason.MISSING_SIGNATURE, "absent");
        }
        String[] parts = h.get().split(",");
        if (parts.length != 2 || !parts[0].matches("t=[0-9]{1,12}") || !parts[1].matches("v1=[0-9a-f]{64}")) {
            throw new WebhookRejectedException(RejectionReason.MALFORMED, "header");
        }
        long t = Long.parseLong(parts[0].substring(2));
        byte[] given = HexFormat.of().parseHex(parts[1].substring(3));
        boolean ok = flaw == Flaw.ACCEPTS_ANY_SIGNATURE;
        for (String secret : flaw == Flaw.ONLY_FIRST_SECRET ? secrets.subList(0, 1) : secrets) {
            ok |= MessageDigest.isEqual(hmac(secret, t, body), given);
        }
        if (!ok) {
            throw new WebhookRejectedException(RejectionReason.BAD_SIGNATURE,
                    flaw == Flaw.LEAKS_SECRET ? "expected a signature by " + secrets.get(0) : "mismatch");
        }
        if (flaw != Flaw.IGNORES_TIMESTAMP
                && Math.abs(context.clock().instant().getEpochSecond() - t) > Duration.ofMinutes(5).toSeconds()) {
            throw new WebhookRejectedException(RejectionReason.STALE_TIMESTAMP, "stale");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new WebhookRejectedException(RejectionReason.MALFORMED, "not UTF-8");
        }
        String[] f = text.split(";", -1);
        if (f.length != 4 || !f[2].matches("[0-9]{1,15}") || !f[3].matches("[A-Z]{3}")) {
            if (flaw == Flaw.THROWS_ON_GARBAGE) {
                throw new IllegalArgumentException("cannot parse body");
            }
            throw new WebhookRejectedException(RejectionReason.MALFORMED, "fields");
        }
        return new VerifiedWebhook(List.of(new WebhookEvent(f[0], EventType.PAYMENT_SUCCEEDED, "paid",
                flaw == Flaw.NO_PAYMENT_REFERENCE ? Optional.empty() : Optional.of("pay_" + f[0]),
                Optional.of(f[1]), Optional.of(new Money(Long.parseLong(f[2]), f[3])),
                Instant.ofEpochSecond(t))));
    }

    @Override
    public PaymentLink createPaymentLink(PaymentLinkRequest request) throws ProviderException {
        String merchant = request.credentials().require("merchant");
        Instant now = context.clock().instant();
        if (!request.expiresAt().isAfter(now)) {
            throw new ProviderException(ProviderException.Kind.INVALID_REQUEST, "expired");
        }
        Instant expiry = flaw == Flaw.LINK_OUTLIVES_EXPIRY ? request.expiresAt().plusSeconds(1) : request.expiresAt();
        return new PaymentLink(URI.create("https://pay.toy.test/" + merchant), "ref", expiry);
    }

    @Override
    public void cancelPaymentLink(PaymentLinkCancellation request) throws ProviderException {
        if (!cancelled.add(request.providerReference()) && flaw == Flaw.CANCEL_FAILS_WHEN_REPEATED) {
            throw new ProviderException(ProviderException.Kind.INVALID_REQUEST, "already cancelled");
        }
    }

    private static byte[] hmac(String secret, long t, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((t + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
