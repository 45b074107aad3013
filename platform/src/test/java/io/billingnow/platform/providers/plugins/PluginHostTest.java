package io.billingnow.platform.providers.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.billingnow.platform.http.DomainStatuses;
import io.billingnow.platform.core.errors.UpstreamFailure;
import io.billingnow.platform.core.errors.DomainException;
import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.billingnow.platform.audit.AuditLog;
import io.billingnow.platform.db.DatabaseRoles;
import io.billingnow.platform.db.Databases;
import io.billingnow.platform.core.tx.PlatformTransactions;
import io.billingnow.platform.core.tx.TenantTransactions;
import io.billingnow.platform.protection.monitoring.Lockouts;
import io.billingnow.platform.protection.monitoring.LogAlertSink;
import io.billingnow.platform.protection.monitoring.PostgresAlertWindows;
import io.billingnow.platform.protection.monitoring.SecurityEvents;
import io.billingnow.platform.testing.TestDatabase;
import io.billingnow.platform.testing.TestPostgres;
import io.billingnow.sdk.Credentials;
import io.billingnow.sdk.Headers;
import io.billingnow.sdk.Money;
import io.billingnow.sdk.PaymentProviderFactory;
import io.billingnow.sdk.ProviderException;
import io.billingnow.sdk.SdkVersion;
import io.billingnow.sdk.TenantContext;
import io.billingnow.sdk.link.InvoiceView;
import io.billingnow.sdk.link.PaymentLinkRequest;
import io.billingnow.sdk.webhook.WebhookRequest;
import io.dropwizard.jackson.Jackson;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Loading plugins in isolation, the SDK version gate, the deadline and checks on every call into a plugin, the
 * bulkheads around it, and what counts as a plugin fault (in its health and the security-event stream).
 */
class PluginHostTest {

    static final Duration TIMEOUT = Duration.ofMillis(700);
    static TestDatabase database;
    static PluginHost host;

    @BeforeAll
    static void loadTheTestPluginsFolder() {
        Path folder = TestPlugins.folder();
        PluginSettings settings = Jackson.newObjectMapper().convertValue(Map.of("directory", folder.toString(),
                "callTimeout", TIMEOUT.toMillis() + "ms", "maxConcurrentCalls", 4, "callQueue", 0,
                "maxConcurrentCallsPerTenant", 2, "maxConcurrentCallsPerProvider", 2, "retryAfter", "3s",
                // The slow server runs on loopback over plain HTTP: allowed here explicitly, as in test-config.yml.
                "egress", Map.of("allowPlainHttp", true, "allowLoopback", true,
                        "extraHosts", Map.of("stripe", List.of("127.0.0.1")))),
                PluginSettings.class);
        database = TestPostgres.get().newDatabase();
        Clock clock = Clock.systemUTC();
        host = new PluginHost(settings, clock, securityEvents(database, clock));
        host.start();
    }

    /** The real security-event stream on a test database, where plugin faults are recorded. */
    static SecurityEvents securityEvents(TestDatabase database, Clock clock) {
        Jdbi jdbi = Databases.configure(Jdbi.create(database.jdbcUrl(), DatabaseRoles.APP, ""));
        return new SecurityEvents(new TenantTransactions(jdbi), new PlatformTransactions(jdbi),
                new AuditLog(Jackson.newObjectMapper(), clock), new MetricRegistry(), List.of(), new LogAlertSink(),
                new Lockouts(new PlatformTransactions(jdbi), clock),
                new PostgresAlertWindows(new PlatformTransactions(jdbi)), clock);
    }

    @AfterAll
    static void stop() {
        host.stop();
    }

    @Test
    void realPluginZipsOfThisBuildAreStartedAndOfferTheirProviders() {
        assertThat(host.provider("stripe")).isPresent();
        assertThat(host.provider("example-bank-transfer")).isPresent();
        assertThat(host.plugins()).filteredOn(p -> p.id().equals("stripe")).singleElement()
                .satisfies(p -> {
                    assertThat(p.state()).isEqualTo("started");
                    assertThat(p.providers()).singleElement()
                            .satisfies(v -> assertThat(v.descriptor().displayName()).isEqualTo("Stripe"));
                });
    }

    @Test
    void aPluginSeesItsOwnLibrariesAndTheSdkButNothingElseOfTheHost() throws Exception {
        // What the plugin's own code saw, reported through its descriptor.
        assertThat(host.provider(TestPlugins.ISOLATED)).get().extracting(p -> p.descriptor().displayName())
                .isEqualTo("jackson=plugin-stub platform=false caffeine=false sdk=true");

        ClassLoader plugin = host.classLoader(TestPlugins.ISOLATED).orElseThrow();
        Class<?> pluginsMapper = plugin.loadClass(ObjectMapper.class.getName());
        assertThat(pluginsMapper).isNotSameAs(ObjectMapper.class);
        assertThat(pluginsMapper.getMethod("origin").invoke(null)).isEqualTo("plugin-stub");
        assertThat(ObjectMapper.class.getMethods()).noneMatch(m -> m.getName().equals("origin"));
        // The contract types are the host's very classes, or nothing would fit together.
        assertThat(plugin.loadClass(PaymentProviderFactory.class.getName())).isSameAs(PaymentProviderFactory.class);
        assertThat(plugin.loadClass(org.slf4j.Logger.class.getName())).isSameAs(org.slf4j.Logger.class);
        // PF4J is the host's business: the SDK does not need it, and a plugin cannot reach it.
        assertThatThrownBy(() -> plugin.loadClass(org.pf4j.PluginManager.class.getName()))
                .isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> plugin.loadClass(PluginHost.class.getName()))
                .isInstanceOf(ClassNotFoundException.class);
        assertThat(plugin.getResource("io/billingnow/platform/BillingNowApplication.class")).isNull();

        // The real Stripe plugin bundles its own Jackson in lib/, loaded by its own class loader.
        Class<?> stripesMapper = host.classLoader("stripe").orElseThrow().loadClass(ObjectMapper.class.getName());
        assertThat(stripesMapper).isNotSameAs(ObjectMapper.class);
        assertThat(stripesMapper.getClassLoader()).isSameAs(host.classLoader("stripe").orElseThrow());
    }

    @Test
    void aPluginRequiringAnotherSdkVersionIsNotStarted() {
        assertThat(host.provider(TestPlugins.FUTURE)).isEmpty();
        assertThat(host.classLoader(TestPlugins.FUTURE)).isEmpty();
        assertThat(host.plugins()).filteredOn(p -> p.id().equals(TestPlugins.FUTURE)).singleElement()
                .satisfies(p -> {
                    assertThat(p.state()).isNotEqualTo("started");
                    assertThat(p.providers()).isEmpty();
                    assertThat(p.error()).contains(">=2.0.0").contains(SdkVersion.CURRENT.toString());
                });
    }

    @Test
    void aThrowingPluginGivesProviderFailedAndBecomesUnhealthy() {
        LoadedProvider throwing = host.provider(TestPlugins.THROWING).orElseThrow();
        assertThatThrownBy(() -> host.createPaymentLink(throwing, linkRequest()))
                .isInstanceOfSatisfying(ProviderFailedException.class, e -> {
                    assertThat(e).isInstanceOf(UpstreamFailure.class);
                    assertThat(e.slug()).isEqualTo("provider-failed");
                    assertThat(e.getMessage()).doesNotContain("a plugin bug");
                });
        assertThat(throwing.health().healthy()).isFalse();
        assertThat(throwing.health().lastFailure()).contains("IllegalStateException");
        assertThat(new PluginHealthCheck(host).execute().isHealthy()).isFalse();
        assertThat(new PluginHealthCheck(host).execute().getMessage()).contains(TestPlugins.THROWING);
        assertThat(pluginFailureEvents(TestPlugins.THROWING)).singleElement().asString()
                .contains("IllegalStateException").contains(tenant().tenantId()).doesNotContain("a plugin bug");
    }

    @Test
    void aHangingPluginIsAbandonedAtTheDeadline() {
        LoadedProvider hanging = host.provider(TestPlugins.HANGING).orElseThrow();
        long start = System.nanoTime();
        assertThatThrownBy(() -> host.verifyWebhook(hanging, new WebhookRequest(tenant(), new byte[0], Headers.EMPTY,
                new Credentials(Map.of(), List.of("s")))))
                .isInstanceOfSatisfying(ProviderFailedException.class, e -> assertThat(e).isInstanceOf(UpstreamFailure.class));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).isGreaterThanOrEqualTo(TIMEOUT).isLessThan(TIMEOUT.plusSeconds(2));
        assertThat(hanging.health().healthy()).isFalse();
        assertThat(hanging.health().lastFailure()).contains("did not answer within");
        assertThat(pluginFailureEvents(TestPlugins.HANGING)).singleElement().asString().contains("did not answer");
    }

    @Test
    void aPluginAnsweringGarbageGivesProviderFailed() {
        LoadedProvider lying = host.provider(TestPlugins.LYING).orElseThrow();
        assertThatThrownBy(() -> host.createPaymentLink(lying, linkRequest()))
                .isInstanceOf(ProviderFailedException.class);
        assertThat(lying.health().lastFailure()).contains("expiring after the requested expiry");
        assertThatThrownBy(() -> host.verifyWebhook(lying, new WebhookRequest(tenant(), new byte[0], Headers.EMPTY,
                new Credentials(Map.of(), List.of("s")))))
                .isInstanceOf(ProviderFailedException.class);
        assertThat(lying.health().lastFailure()).contains("no result");
    }

    @Test
    void aProvidersRefusalIsAnsweredByItsKindAndIsNoPluginFault() {
        LoadedProvider refusing = host.provider(TestPlugins.REFUSING).orElseThrow();
        Map<ProviderException.Kind, Integer> expected = Map.of(
                ProviderException.Kind.INVALID_CREDENTIALS, 422, ProviderException.Kind.INVALID_REQUEST, 422,
                ProviderException.Kind.UNSUPPORTED, 422, ProviderException.Kind.UNAVAILABLE, 503,
                ProviderException.Kind.UNEXPECTED_RESPONSE, 502);
        assertThat(expected).containsOnlyKeys(ProviderException.Kind.values());
        expected.forEach((kind, status) -> assertThatThrownBy(() -> host.createPaymentLink(refusing,
                linkRequest(tenant(), Map.of("note", kind.name()))))
                .as(kind.name()).isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(DomainStatuses.of(e)).isEqualTo(status);
                    assertThat(e.slug()).isEqualTo(switch (status) {
                        case 422 -> "provider-refused";
                        case 503 -> "provider-unavailable";
                        default -> "provider-failed";
                    });
                    assertThat(e.retryAfter()).isEqualTo(status == 503 ? Optional.of(Duration.ofSeconds(3))
                            : Optional.empty());
                    assertThat(e.getMessage()).doesNotContain("refused as asked");
                }));
        // The provider answered, through a plugin that did its job: nobody's wrong credentials make it unhealthy.
        assertThat(refusing.health().healthy()).isTrue();
        assertThat(refusing.health().failures()).isZero();
        assertThat(pluginFailureEvents(TestPlugins.REFUSING)).isEmpty();
    }

    @Test
    void aTenantOrProviderOverItsBudgetIsRefusedAloneAndASlowServerIsNoPluginFault() throws Exception {
        LoadedProvider stripe = host.provider("stripe").orElseThrow();
        LoadedProvider lying = host.provider(TestPlugins.LYING).orElseThrow();
        TenantContext noisy = new TenantContext("00000000-0000-0000-0000-00000000000a", "noisy");
        TenantContext quiet = new TenantContext("00000000-0000-0000-0000-00000000000b", "quiet");
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try (SlowProviderServer slow = SlowProviderServer.start()) {
            Map<String, String> slowAccount = Map.of("secret_key", "sk_test_slow", "api_base_url",
                    slow.baseUri().toString());
            List<Future<Throwable>> inFlight = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                inFlight.add(callers.submit(() -> catching(() -> host.createPaymentLink(stripe,
                        linkRequest(noisy, slowAccount)))));
            }
            assertThat(slow.awaitArrivals(2, 5_000)).as("both calls reach the slow server").isTrue();

            // The noisy tenant's budget (2) is spent: even a call to another provider is refused, for it alone.
            assertBusy(() -> host.createPaymentLink(lying, linkRequest(noisy, Map.of())), "this seller");
            // Stripe's budget (2) is spent too: the quiet tenant waits for Stripe, but other providers still answer.
            assertBusy(() -> host.createPaymentLink(stripe, linkRequest(quiet, slowAccount)), "all sellers");
            assertThatThrownBy(() -> host.createPaymentLink(lying, linkRequest(quiet, Map.of())))
                    .isInstanceOf(ProviderFailedException.class);
            assertThat(slow.arrived()).isEqualTo(2);

            // The slow calls end at the deadline as "unavailable, retry later", which is the tenant's problem.
            for (Future<Throwable> call : inFlight) {
                assertThat(call.get(5, TimeUnit.SECONDS)).isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(DomainStatuses.of(e)).isEqualTo(503);
                    assertThat(e.slug()).isEqualTo("provider-unavailable");
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(3));
                });
            }
        } finally {
            callers.shutdownNow();
        }
        assertThat(stripe.health().healthy()).isTrue();
        assertThat(stripe.health().failures()).isZero();
        assertThat(pluginFailureEvents("stripe")).isEmpty();
    }

    static void assertBusy(ThrowingCallable call, String whose) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(DomainStatuses.of(e)).isEqualTo(503);
            assertThat(e.slug()).isEqualTo("provider-busy");
            assertThat(e.getMessage()).contains(whose);
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(3));
        });
    }

    static Throwable catching(ThrowingCallable call) {
        try {
            call.call();
            return null;
        } catch (Throwable t) {
            return t;
        }
    }

    /** The details of the plugin_failure security events recorded for a provider. */
    static List<String> pluginFailureEvents(String providerId) {
        List<String> details = new ArrayList<>();
        try (Connection c = database.appConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT detail FROM security_events WHERE kind = 'plugin_failure' AND subject = ? ORDER BY occurred_at")) {
            ps.setString(1, "provider:" + providerId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    details.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return details;
    }

    static TenantContext tenant() {
        return new TenantContext("00000000-0000-0000-0000-000000000001", "acme");
    }

    static PaymentLinkRequest linkRequest() {
        return linkRequest(tenant(), Map.of());
    }

    static PaymentLinkRequest linkRequest(TenantContext tenant, Map<String, String> credentials) {
        return new PaymentLinkRequest(tenant, new InvoiceView("inv-1", "INV-1", Optional.empty(), Optional.empty(),
                "Invoice INV-1"), new Money(1000, "EUR"), URI.create("https://billingnow.test/ok"),
                URI.create("https://billingnow.test/cancel"), Instant.now().plus(Duration.ofDays(1)),
                new Credentials(credentials, List.of()));
    }
}
