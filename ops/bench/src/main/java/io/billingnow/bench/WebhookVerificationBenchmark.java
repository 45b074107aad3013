package io.billingnow.bench;

import com.codahale.metrics.MetricRegistry;
import io.billingnow.platform.protection.monitoring.Lockouts;
import io.billingnow.platform.protection.monitoring.LogAlertSink;
import io.billingnow.platform.protection.monitoring.MemoryAlertWindows;
import io.billingnow.platform.protection.monitoring.SecurityEvents;
import io.billingnow.platform.providers.plugins.LoadedProvider;
import io.billingnow.platform.providers.plugins.PluginHost;
import io.billingnow.platform.providers.plugins.PluginSettings;
import io.billingnow.sdk.Credentials;
import io.billingnow.sdk.Headers;
import io.billingnow.sdk.TenantContext;
import io.billingnow.sdk.webhook.VerifiedWebhook;
import io.billingnow.sdk.webhook.WebhookRejectedException;
import io.billingnow.sdk.webhook.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Webhook verification of one payment-succeeded delivery per plugin, loaded from the built zips
 * ({@code plugins/*\/target/*-plugin.zip}, or the folder in {@code -Dbench.plugins=DIR}) by the real {@link PluginHost}:
 * {@code viaHost} is what {@code POST /webhooks/{id}} pays (the plugin's bounded call pool, deadline, class loader
 * switch, then signature check and JSON parsing); {@code rawHmac} is HMAC-SHA256 of the same body with the same secret,
 * the floor any scheme pays. The plugins build a fresh {@code Mac} per call, as the baseline does.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class WebhookVerificationBenchmark {

    @Param({"stripe", "adyen", "gocardless", "example-bank-transfer"})
    public String provider;

    private static final TenantContext TENANT = new TenantContext(UUID.randomUUID().toString(), "bench");
    private PluginHost host;
    private LoadedProvider loaded;
    private WebhookRequest request;
    private byte[] hmacKey;
    private byte[] hmacInput;

    @Setup(Level.Trial)
    public void loadPluginAndSign() throws Exception {
        Path folder = Files.createTempDirectory("bench-plugins");
        String configured = System.getProperty("bench.plugins");
        Path source = configured != null ? Path.of(configured) : Path.of("plugins");
        try (DirectoryStream<Path> zips = Files.newDirectoryStream(source,
                p -> p.getFileName().toString().endsWith("-plugin.zip"))) {
            zips.forEach(zip -> copy(zip, folder));
        }
        if (configured == null) {
            for (Path module : Files.newDirectoryStream(source, Files::isDirectory)) {
                Path target = module.resolve("target");
                if (Files.isDirectory(target)) {
                    try (DirectoryStream<Path> zips = Files.newDirectoryStream(target, "*-plugin.zip")) {
                        zips.forEach(zip -> copy(zip, folder));
                    }
                }
            }
        }
        PluginSettings settings = new PluginSettings();
        settings.setDirectory(folder.toString());
        // Correctly signed deliveries never fault the plugin, so no security event is recorded: the stream has no
        // database here (an event would only be logged, its storage failure too).
        SecurityEvents events = new SecurityEvents(null, null, null, new MetricRegistry(), List.of(),
                new LogAlertSink(), new Lockouts(null, Clock.systemUTC()),
                new MemoryAlertWindows(java.time.Duration.ofMinutes(15)), Clock.systemUTC());
        host = new PluginHost(settings, Clock.systemUTC(), events);
        host.start();
        loaded = host.provider(provider).orElseThrow(() -> new IllegalStateException(
                provider + " not loaded from " + folder + "; build the plugins first"));

        String invoice = UUID.randomUUID().toString();
        long now = Instant.now().getEpochSecond();
        switch (provider) {
            case "stripe" -> {
                String secret = "whsec_" + Base64.getEncoder().encodeToString(random(24));
                byte[] body = ("{\"id\":\"evt_1\",\"object\":\"event\",\"type\":\"payment_intent.succeeded\","
                        + "\"created\":" + now + ",\"data\":{\"object\":{\"id\":\"pi_1\",\"object\":\"payment_intent\","
                        + "\"amount_received\":11900,\"currency\":\"eur\",\"metadata\":{\"invoice_reference\":\""
                        + invoice + "\"}}}}").getBytes(StandardCharsets.UTF_8);
                hmacKey = secret.getBytes(StandardCharsets.UTF_8);
                hmacInput = concat((now + ".").getBytes(StandardCharsets.US_ASCII), body);
                request = request(body, Headers.of("Stripe-Signature", "t=" + now + ",v1=" + hex(hmac())), secret);
            }
            case "gocardless" -> {
                String secret = Base64.getEncoder().encodeToString(random(24));
                byte[] body = ("{\"events\":[{\"id\":\"EV0001\",\"created_at\":\"" + Instant.ofEpochSecond(now)
                        + "\",\"resource_type\":\"payments\",\"action\":\"confirmed\",\"links\":{\"payment\":\"PM0001\"},"
                        + "\"metadata\":{\"invoice_reference\":\"" + invoice + "\"}}]}").getBytes(StandardCharsets.UTF_8);
                hmacKey = secret.getBytes(StandardCharsets.UTF_8);
                hmacInput = body;
                request = request(body, Headers.of("Webhook-Signature", hex(hmac())), secret);
            }
            case "example-bank-transfer" -> {
                String secret = Base64.getEncoder().encodeToString(random(24));
                byte[] body = ("{\"id\":\"evt_1\",\"type\":\"transfer.received\",\"occurred_at\":\""
                        + Instant.ofEpochSecond(now) + "\",\"transfer\":{\"reference\":\"BT-0A1B2C3D4E5F6071\","
                        + "\"invoice_reference\":\"" + invoice + "\",\"amount_minor\":11900,\"currency\":\"EUR\","
                        + "\"debtor_name\":\"Ada Lovelace\"}}").getBytes(StandardCharsets.UTF_8);
                hmacKey = secret.getBytes(StandardCharsets.UTF_8);
                hmacInput = concat((now + ".").getBytes(StandardCharsets.US_ASCII), body);
                request = request(body, Headers.of("X-Example-Timestamp", Long.toString(now),
                        "X-Example-Signature", "v1=" + hex(hmac())), secret);
            }
            case "adyen" -> {
                String secret = HexFormat.of().withUpperCase().formatHex(random(32));
                hmacKey = HexFormat.of().parseHex(secret);
                String psp = "8816178952380553";
                hmacInput = String.join(":", psp, "", "BillingNowECOM", invoice, "11900", "EUR", "AUTHORISATION",
                        "true").getBytes(StandardCharsets.UTF_8);
                String signature = Base64.getEncoder().encodeToString(hmac());
                byte[] body = ("{\"live\":\"false\",\"notificationItems\":[{\"NotificationRequestItem\":{"
                        + "\"additionalData\":{\"hmacSignature\":\"" + signature + "\"},"
                        + "\"amount\":{\"currency\":\"EUR\",\"value\":11900},\"eventCode\":\"AUTHORISATION\","
                        + "\"eventDate\":\"" + Instant.ofEpochSecond(now) + "\",\"merchantAccountCode\":\"BillingNowECOM\","
                        + "\"merchantReference\":\"" + invoice + "\",\"pspReference\":\"" + psp + "\",\"reason\":\"\","
                        + "\"success\":\"true\"}}]}").getBytes(StandardCharsets.UTF_8);
                request = request(body, Headers.EMPTY, secret);
            }
            default -> throw new IllegalArgumentException(provider);
        }
        VerifiedWebhook verified = host.verifyWebhook(loaded, request); // fails the trial if the sample is not authentic
        if (verified.events().isEmpty()) {
            throw new IllegalStateException(provider + ": no event in the sample");
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        host.stop();
    }

    @Benchmark
    public VerifiedWebhook viaHost() throws WebhookRejectedException {
        return host.verifyWebhook(loaded, request);
    }

    @Benchmark
    public byte[] rawHmac() {
        return hmac();
    }

    private byte[] hmac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(hmacKey, "HmacSHA256"));
            return mac.doFinal(hmacInput);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static WebhookRequest request(byte[] body, Headers headers, String secret) {
        return new WebhookRequest(TENANT, body, headers, new Credentials(Map.of(), List.of(secret)));
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        new java.security.SecureRandom().nextBytes(b);
        return b;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    private static void copy(Path zip, Path folder) {
        try {
            Files.copy(zip, folder.resolve(zip.getFileName()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
