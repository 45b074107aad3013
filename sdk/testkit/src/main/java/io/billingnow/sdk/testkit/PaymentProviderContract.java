package io.billingnow.sdk.testkit;

import io.billingnow.sdk.Capability;
import io.billingnow.sdk.CredentialField;
import io.billingnow.sdk.Credentials;
import io.billingnow.sdk.Headers;
import io.billingnow.sdk.Money;
import io.billingnow.sdk.PaymentProvider;
import io.billingnow.sdk.PaymentProviderFactory;
import io.billingnow.sdk.ProviderContext;
import io.billingnow.sdk.ProviderDescriptor;
import io.billingnow.sdk.ProviderException;
import io.billingnow.sdk.TenantContext;
import io.billingnow.sdk.http.HttpTransport;
import io.billingnow.sdk.link.InvoiceView;
import io.billingnow.sdk.link.PaymentLink;
import io.billingnow.sdk.link.PaymentLinkCancellation;
import io.billingnow.sdk.link.PaymentLinkRequest;
import io.billingnow.sdk.webhook.EventType;
import io.billingnow.sdk.webhook.RejectionReason;
import io.billingnow.sdk.webhook.VerifiedWebhook;
import io.billingnow.sdk.webhook.WebhookEvent;
import io.billingnow.sdk.webhook.WebhookRejectedException;
import io.billingnow.sdk.webhook.WebhookRequest;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Random;
import java.net.URL;
import java.util.Collections;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The contract every payment-provider plugin must meet. A plugin's test class extends it and supplies the factory,
 * credentials, an event body and the provider's signing scheme; the inherited tests then check that authentic
 * webhooks are accepted and normalised, that anything else ends in a {@link WebhookRejectedException} (never in
 * another exception), that secrets never appear in messages, that a payment names its payment reference, that links
 * never outlive the requested expiry, and that a provider declaring {@code CANCEL_PAYMENT_LINKS} closes a link
 * quietly even when asked twice.
 *
 * <p>All calls use a clock fixed at {@link #NOW} and the tenant {@link #TENANT}.
 */
public abstract class PaymentProviderContract {

    /** The instant the provider's clock is fixed at. */
    protected static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    /** The tenant every call is made for. */
    protected static final TenantContext TENANT = new TenantContext("tenant-contract-1", "contract");
    /** The invoice reference the sample event and links carry. Must appear literally in the sample body. */
    protected static final String INVOICE_REFERENCE = "inv-contract-0001";
    /** The amount of the sample event and links. */
    protected static final Money AMOUNT = new Money(12_34, "EUR");

    // ---- what the plugin's test supplies -------------------------------------------------------------------

    /**
     * Returns the plugin's factory, as the host would instantiate it.
     *
     * @return the factory
     */
    protected abstract PaymentProviderFactory factory();

    /**
     * Returns a fresh webhook secret in the provider's format, different on every call.
     *
     * @return a new secret
     */
    protected abstract String newWebhookSecret();

    /**
     * Returns valid credentials with the given webhook secrets; API base URLs point at the test's fake server.
     *
     * @param webhookSecrets the webhook secrets to include
     * @return the credentials
     */
    protected abstract Credentials credentials(List<String> webhookSecrets);

    /**
     * Returns an unsigned body of a successful-payment event as the provider sends it.
     *
     * @param invoiceReference the invoice reference the event must carry (appears literally in the body)
     * @param amount           the amount paid
     * @param occurredAt       when the event happened
     * @return the body bytes
     */
    protected abstract byte[] paymentSucceededBody(String invoiceReference, Money amount, Instant occurredAt);

    /**
     * Signs a body exactly as the provider would. Should sign any bytes it is given; where the scheme embeds the
     * signature in a body it cannot parse, it returns the body unchanged.
     *
     * @param body     the body
     * @param signedAt the signing time (ignored by schemes without a timestamp)
     * @param secret   the secret to sign with
     * @return the delivery to send
     */
    protected abstract SignedWebhook sign(byte[] body, Instant signedAt, String secret);

    /**
     * Returns whether the signing scheme covers a timestamp (and so must reject stale deliveries).
     *
     * @return true for schemes with a signed timestamp
     */
    protected abstract boolean signsTimestamp();

    /**
     * Returns the timestamp tolerance of the scheme.
     *
     * @return the tolerance; five minutes by default
     */
    protected Duration timestampTolerance() {
        return Duration.ofMinutes(5);
    }

    /**
     * Changes the signature of a delivery without touching what it signs. By default changes the last character
     * of every header; schemes that carry the signature in the body override this.
     *
     * @param signed the authentic delivery
     * @return the tampered delivery
     */
    protected SignedWebhook tamperSignature(SignedWebhook signed) {
        assertThat(signed.headers().names())
                .as("the signature travels in the body: override tamperSignature and removeSignature").isNotEmpty();
        Map<String, List<String>> changed = new LinkedHashMap<>();
        signed.headers().map().forEach((name, values) ->
                changed.put(name, values.stream().map(PaymentProviderContract::flipLastCharacter).toList()));
        return new SignedWebhook(signed.body(), new Headers(changed));
    }

    /**
     * Removes the signature from a delivery. By default drops every header the signer added.
     *
     * @param signed the authentic delivery
     * @return the delivery without signature
     */
    protected SignedWebhook removeSignature(SignedWebhook signed) {
        return new SignedWebhook(signed.body(), Headers.EMPTY);
    }

    /**
     * Returns the transport the provider gets. By default one that reaches only loopback addresses.
     *
     * @return the transport
     */
    protected HttpTransport transport() {
        return new LoopbackHttpTransport();
    }

    // ---- helpers for subclasses ---------------------------------------------------------------------------

    /**
     * Creates the provider with the fixed clock and the test transport.
     *
     * @return a new provider
     */
    protected final PaymentProvider provider() {
        return factory().create(new ProviderContext(transport(), Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    /**
     * Verifies a delivery for {@link #TENANT}.
     *
     * @param delivery    the delivery
     * @param credentials the credentials
     * @return the verified webhook
     * @throws WebhookRejectedException if rejected
     */
    protected final VerifiedWebhook verify(SignedWebhook delivery, Credentials credentials)
            throws WebhookRejectedException {
        return provider().verifyWebhook(new WebhookRequest(TENANT, delivery.body(), delivery.headers(), credentials));
    }

    // ---- descriptor ---------------------------------------------------------------------------------------

    @Test
    void factoryIsDeclaredAsAServiceWithAPublicNoArgConstructor() throws Exception {
        Class<?> type = factory().getClass();
        assertThat(Modifier.isPublic(type.getModifiers())).isTrue();
        assertThat(type.getConstructor().newInstance()).isInstanceOf(PaymentProviderFactory.class);
        // The host finds the factory only through this file, read with the plugin's own class loader.
        assertThat(declaredServices(type.getClassLoader())).as("META-INF/services/%s",
                PaymentProviderFactory.class.getName()).contains(type.getName());
        assertThat(ServiceLoader.load(PaymentProviderFactory.class, type.getClassLoader()).stream()
                .map(ServiceLoader.Provider::type)).contains(type.asSubclass(PaymentProviderFactory.class));
    }

    @Test
    void closingAProviderIsQuiet() {
        // The host closes each provider once when it unloads the plugin; that must not fail.
        factory().create(new ProviderContext(transport(), Clock.fixed(NOW, ZoneOffset.UTC))).close();
    }

    private static List<String> declaredServices(ClassLoader loader) throws IOException {
        List<String> names = new ArrayList<>();
        for (URL file : Collections.list(loader.getResources(
                "META-INF/services/" + PaymentProviderFactory.class.getName()))) {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(file.openStream(),
                    StandardCharsets.UTF_8))) {
                in.lines().map(l -> l.replaceFirst("#.*", "").strip()).filter(l -> !l.isEmpty()).forEach(names::add);
            }
        }
        return names;
    }

    @Test
    void descriptorAcceptsTheTestCredentialsAndFreshSecrets() {
        ProviderDescriptor d = factory().descriptor();
        assertThat(d.capabilities()).isNotEmpty();
        assertThat(d.validate(credentials(List.of(newWebhookSecret(), newWebhookSecret())))).isEmpty();
        assertThat(newWebhookSecret()).isNotEqualTo(newWebhookSecret());
    }

    @Test
    void aProviderWithAnEndpointFieldDeclaresTheHostsItCalls() {
        // The host refuses every request to a host the descriptor does not declare: an API base URL the tenant may
        // set means the plugin calls an API, and without declared hosts it could reach none in production.
        ProviderDescriptor d = factory().descriptor();
        if (d.credentialFields().stream().anyMatch(CredentialField::endpoint)) {
            assertThat(d.egressHosts()).as("egressHosts of %s", d.id()).isNotEmpty();
        }
    }

    // ---- webhooks -----------------------------------------------------------------------------------------

    private void assumeWebhooks() {
        assumeTrue(factory().descriptor().capabilities().contains(Capability.WEBHOOKS), "provider has no webhooks");
    }

    private SignedWebhook authentic(String secret) {
        return sign(paymentSucceededBody(INVOICE_REFERENCE, AMOUNT, NOW), NOW, secret);
    }

    @Test
    void correctlySignedPaymentIsAcceptedAndNormalised() throws Exception {
        assumeWebhooks();
        String secret = newWebhookSecret();
        VerifiedWebhook verified = verify(authentic(secret), credentials(List.of(secret)));
        assertThat(verified.events()).isNotEmpty();
        WebhookEvent event = verified.events().get(0);
        assertThat(event.type()).isEqualTo(EventType.PAYMENT_SUCCEEDED);
        assertThat(event.invoiceReference()).contains(INVOICE_REFERENCE);
        assertThat(event.providerEventId()).isNotBlank();
        assertThat(event.paymentReference()).as("the payment reference the host records one payment for")
                .isPresent();
        event.amount().ifPresent(a -> assertThat(a).isEqualTo(AMOUNT));
    }

    @Test
    void tamperedBodyIsRejected() {
        assumeWebhooks();
        String secret = newWebhookSecret();
        SignedWebhook signed = authentic(secret);
        String text = new String(signed.body(), StandardCharsets.ISO_8859_1);
        assertThat(text).as("the sample body must contain the invoice reference literally").contains(INVOICE_REFERENCE);
        byte[] tampered = text.replace(INVOICE_REFERENCE, "inv-contract-9999").getBytes(StandardCharsets.ISO_8859_1);
        assertRejected(new SignedWebhook(tampered, signed.headers()), credentials(List.of(secret)),
                RejectionReason.BAD_SIGNATURE);
    }

    @Test
    void tamperedSignatureIsRejected() {
        assumeWebhooks();
        String secret = newWebhookSecret();
        assertRejected(tamperSignature(authentic(secret)), credentials(List.of(secret)),
                RejectionReason.BAD_SIGNATURE, RejectionReason.MALFORMED);
    }

    @Test
    void wrongSecretIsRejected() {
        assumeWebhooks();
        assertRejected(authentic(newWebhookSecret()), credentials(List.of(newWebhookSecret())),
                RejectionReason.BAD_SIGNATURE);
    }

    @Test
    void missingSignatureIsRejected() {
        assumeWebhooks();
        String secret = newWebhookSecret();
        assertRejected(removeSignature(authentic(secret)), credentials(List.of(secret)),
                RejectionReason.MISSING_SIGNATURE);
    }

    @Test
    void accountWithoutWebhookSecretRejectsEverything() {
        assumeWebhooks();
        assertRejected(authentic(newWebhookSecret()), credentials(List.of()), RejectionReason.NO_SECRET_CONFIGURED);
    }

    @Test
    void bothSecretsAreAcceptedDuringRotation() throws Exception {
        assumeWebhooks();
        String oldSecret = newWebhookSecret();
        String newSecret = newWebhookSecret();
        Credentials rotating = credentials(List.of(newSecret, oldSecret));
        assertThat(verify(authentic(oldSecret), rotating).events()).isNotEmpty();
        assertThat(verify(authentic(newSecret), rotating).events()).isNotEmpty();
        assertRejected(authentic(oldSecret), credentials(List.of(newSecret)), RejectionReason.BAD_SIGNATURE);
    }

    @Test
    void staleTimestampIsRejectedAndOneWithinToleranceAccepted() throws Exception {
        assumeWebhooks();
        assumeTrue(signsTimestamp(), "the signing scheme has no timestamp");
        String secret = newWebhookSecret();
        Instant stale = NOW.minus(timestampTolerance()).minusSeconds(1);
        byte[] body = paymentSucceededBody(INVOICE_REFERENCE, AMOUNT, stale);
        assertRejected(sign(body, stale, secret), credentials(List.of(secret)), RejectionReason.STALE_TIMESTAMP);
        Instant recent = NOW.minus(timestampTolerance()).plusSeconds(1);
        assertThat(verify(sign(paymentSucceededBody(INVOICE_REFERENCE, AMOUNT, recent), recent, secret),
                credentials(List.of(secret))).events()).isNotEmpty();
    }

    @TestFactory
    Stream<DynamicTest> hostileInputEndsOnlyInTypedRejection() {
        assumeWebhooks();
        String secret = newWebhookSecret();
        Credentials credentials = credentials(List.of(secret));
        SignedWebhook authentic = authentic(secret);
        List<DynamicTest> tests = new ArrayList<>();
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        bodies.put("empty", new byte[0]);
        Random random = new Random(4242);
        for (int size : new int[] {1, 17, 1000, 65_536}) {
            byte[] b = new byte[size];
            random.nextBytes(b);
            bodies.put("random " + size + " bytes", b);
        }
        bodies.put("non-UTF-8", new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'});
        bodies.put("empty object", "{}".getBytes(StandardCharsets.UTF_8));
        bodies.put("empty array", "[]".getBytes(StandardCharsets.UTF_8));
        bodies.put("null", "null".getBytes(StandardCharsets.UTF_8));
        bodies.put("string", "\"x\"".getBytes(StandardCharsets.UTF_8));
        bodies.put("truncated", Arrays.copyOf(authentic.body(), authentic.body().length / 2));
        bodies.put("deep nesting", "[".repeat(100_000).getBytes(StandardCharsets.UTF_8));
        bodies.put("wrong types", "{\"id\":{},\"type\":[],\"data\":1,\"events\":\"x\",\"notificationItems\":7}"
                .getBytes(StandardCharsets.UTF_8));
        byte[] huge = new byte[8 * 1024 * 1024];
        Arrays.fill(huge, (byte) '{');
        bodies.put("8 MiB", huge);

        bodies.forEach((name, body) -> {
            tests.add(DynamicTest.dynamicTest("unsigned " + name, () ->
                    assertRejected(new SignedWebhook(body, Headers.EMPTY), credentials)));
            tests.add(DynamicTest.dynamicTest("signed " + name, () ->
                    assertRejected(sign(body, NOW, secret), credentials)));
            tests.add(DynamicTest.dynamicTest("authentic headers, " + name, () ->
                    assertRejected(new SignedWebhook(body, authentic.headers()), credentials)));
        });

        char[] junk = new char[1024 * 1024];
        Arrays.fill(junk, 'a');
        Map<String, List<String>> hugeHeaders = new LinkedHashMap<>(authentic.headers().map());
        authentic.headers().names().forEach(n -> hugeHeaders.put(n, List.of(new String(junk))));
        for (int i = 0; i < 2000; i++) {
            hugeHeaders.put("x-junk-" + i, List.of("v" + i));
        }
        // Where the signature travels in headers, replacing them must reject; where it travels in the body
        // (Adyen), extra headers are irrelevant and the authentic body may be accepted, but nothing may blow up.
        boolean signatureInHeaders = !authentic.headers().names().isEmpty();
        tests.add(DynamicTest.dynamicTest("huge headers", () -> assertOnlyTypedOutcome(
                new SignedWebhook(authentic.body(), new Headers(hugeHeaders)), credentials, signatureInHeaders)));
        Map<String, List<String>> garbageHeaders = new LinkedHashMap<>();
        authentic.headers().names().forEach(n -> garbageHeaders.put(n,
                List.of("", ",,,==;;", "t=,v1=", "t=abc,v1=zz", "\u0000\uFFFF\u00e9", "t=99999999999999999999")));
        tests.add(DynamicTest.dynamicTest("garbage signature headers", () -> assertOnlyTypedOutcome(
                new SignedWebhook(authentic.body(), new Headers(garbageHeaders)), credentials, signatureInHeaders)));
        return tests.stream();
    }

    /**
     * Asserts that a delivery is rejected with a {@link WebhookRejectedException} (and no other exception), with
     * one of the given reasons if any are given, and that no secret of the credentials appears in its messages.
     *
     * @param delivery    the delivery
     * @param credentials the credentials
     * @param reasons     the acceptable reasons; any reason if none are given
     */
    protected final void assertRejected(SignedWebhook delivery, Credentials credentials, RejectionReason... reasons) {
        try {
            VerifiedWebhook accepted = verify(delivery, credentials);
            fail("expected a rejection but the delivery was accepted with %d event(s)", accepted.events().size());
        } catch (WebhookRejectedException e) {
            if (reasons.length > 0) {
                assertThat(e.reason()).isIn((Object[]) reasons);
            }
            assertNoSecretIn(e, credentials);
        } catch (RuntimeException | StackOverflowError e) {
            throw new AssertionError("verifyWebhook must throw only WebhookRejectedException, threw " + e, e);
        }
    }

    private void assertOnlyTypedOutcome(SignedWebhook delivery, Credentials credentials, boolean mustReject) {
        if (mustReject) {
            assertRejected(delivery, credentials);
            return;
        }
        try {
            verify(delivery, credentials);
        } catch (WebhookRejectedException e) {
            assertNoSecretIn(e, credentials);
        } catch (RuntimeException | StackOverflowError e) {
            throw new AssertionError("verifyWebhook must throw only WebhookRejectedException, threw " + e, e);
        }
    }

    private static void assertNoSecretIn(Throwable t, Credentials credentials) {
        StringWriter trace = new StringWriter();
        t.printStackTrace(new PrintWriter(trace));
        List<String> secrets = new ArrayList<>(credentials.webhookSecrets());
        credentials.values().values().stream().filter(v -> v.length() >= 8).forEach(secrets::add);
        for (String secret : secrets) {
            assertThat(trace.toString()).as("exception text must not contain a secret").doesNotContain(secret);
        }
    }

    private static String flipLastCharacter(String value) {
        if (value.isEmpty()) {
            return "x";
        }
        // Stay inside the character's class (hex digit stays hex digit), so the result is still well-formed and
        // only the signature check can reject it.
        char c = value.charAt(value.length() - 1);
        char flipped;
        if (c == '9' || c == 'f' || c == 'F' || c == 'z' || c == 'Z') {
            flipped = (char) (c - 1);
        } else if ((c >= '0' && c <= '8') || (c >= 'a' && c <= 'y') || (c >= 'A' && c <= 'Y')) {
            flipped = (char) (c + 1);
        } else {
            flipped = 'A';
        }
        return value.substring(0, value.length() - 1) + flipped;
    }

    // ---- payment links ------------------------------------------------------------------------------------

    private void assumeLinks() {
        assumeTrue(factory().descriptor().capabilities().contains(Capability.PAYMENT_LINKS),
                "provider issues no payment links");
    }

    /**
     * Builds the link request the contract sends.
     *
     * @param expiresAt   the requested expiry
     * @param credentials the credentials
     * @return the request
     */
    protected final PaymentLinkRequest linkRequest(Instant expiresAt, Credentials credentials) {
        return new PaymentLinkRequest(TENANT,
                new InvoiceView(INVOICE_REFERENCE, "2026-0001", Optional.of("Ada Lovelace"),
                        Optional.of("ada@example.test"), "Consulting, February 2026"),
                AMOUNT, URI.create("https://app.billingnow.test/pay/done"),
                URI.create("https://app.billingnow.test/pay/cancelled"), expiresAt, credentials);
    }

    @Test
    void linkNeverOutlivesTheRequestedExpiry() {
        assumeLinks();
        int issued = 0;
        for (Duration ahead : List.of(Duration.ofMinutes(10), Duration.ofHours(1), Duration.ofHours(2),
                Duration.ofHours(23), Duration.ofHours(48), Duration.ofDays(30), Duration.ofDays(400))) {
            Instant requested = NOW.plus(ahead);
            try {
                PaymentLink link = provider().createPaymentLink(linkRequest(requested,
                        credentials(List.of(newWebhookSecret()))));
                issued++;
                assertThat(link.expiresAt()).as("expiry for a link requested to expire %s from now", ahead)
                        .isAfter(NOW).isBeforeOrEqualTo(requested);
                assertThat(link.url().isAbsolute()).isTrue();
                assertThat(link.providerReference()).isNotBlank();
            } catch (ProviderException e) {
                assertThat(e.kind()).as("a provider that cannot honour an expiry refuses it")
                        .isIn(ProviderException.Kind.INVALID_REQUEST, ProviderException.Kind.UNSUPPORTED);
            }
        }
        assertThat(issued).as("links actually issued").isGreaterThanOrEqualTo(2);
    }

    @Test
    void linkExpiringInThePastIsRefused() {
        assumeLinks();
        try {
            provider().createPaymentLink(linkRequest(NOW.minusSeconds(60), credentials(List.of(newWebhookSecret()))));
            fail("a link that has already expired must be refused");
        } catch (ProviderException e) {
            assertThat(e.kind()).isEqualTo(ProviderException.Kind.INVALID_REQUEST);
        }
    }

    @Test
    void cancellingAnIssuedLinkSucceedsAndARepeatedCancelToo() throws Exception {
        assumeLinks();
        assumeTrue(factory().descriptor().capabilities().contains(Capability.CANCEL_PAYMENT_LINKS),
                "provider cannot cancel links");
        PaymentProvider provider = provider();
        Credentials credentials = credentials(List.of(newWebhookSecret()));
        PaymentLink link = provider.createPaymentLink(linkRequest(NOW.plus(Duration.ofHours(2)), credentials));
        PaymentLinkCancellation cancel = new PaymentLinkCancellation(TENANT, link.providerReference(), credentials);
        provider.cancelPaymentLink(cancel);
        // The host retries a revocation whose cancel it could not confirm: a closed checkout stays closed, quietly.
        provider.cancelPaymentLink(cancel);
    }

    @Test
    void aProviderThatDoesNotDeclareCancellingSaysItIsUnsupported() {
        assumeTrue(!factory().descriptor().capabilities().contains(Capability.CANCEL_PAYMENT_LINKS),
                "provider declares it can cancel links");
        try {
            provider().cancelPaymentLink(new PaymentLinkCancellation(TENANT, "ref",
                    credentials(List.of(newWebhookSecret()))));
            fail("a provider that does not declare CANCEL_PAYMENT_LINKS must not claim to have cancelled");
        } catch (ProviderException e) {
            assertThat(e.kind()).isEqualTo(ProviderException.Kind.UNSUPPORTED);
        }
    }

    @Test
    void linkWithoutCredentialsFailsAsInvalidCredentials() {
        assumeLinks();
        try {
            provider().createPaymentLink(linkRequest(NOW.plus(Duration.ofHours(2)), new Credentials(Map.of(),
                    List.of())));
            fail("a link cannot be issued without credentials");
        } catch (ProviderException e) {
            assertThat(e.kind()).isEqualTo(ProviderException.Kind.INVALID_CREDENTIALS);
        }
    }
}
