package io.billingnow.platform.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.billingnow.sdk.Credentials;
import io.billingnow.sdk.Headers;
import io.billingnow.sdk.Money;
import io.billingnow.sdk.PaymentProviderFactory;
import io.billingnow.sdk.TenantContext;
import io.billingnow.sdk.link.InvoiceView;
import io.billingnow.sdk.link.PaymentLinkRequest;
import io.billingnow.sdk.webhook.WebhookRequest;
import io.dropwizard.jackson.Jackson;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Loading plugins in isolation, the SDK version gate, and the deadline and checks on every call into a plugin. */
class PluginHostTest {

    static final Duration TIMEOUT = Duration.ofMillis(700);
    static PluginHost host;

    @BeforeAll
    static void loadTheTestPluginsFolder() {
        Path folder = TestPlugins.folder();
        PluginSettings settings = Jackson.newObjectMapper().convertValue(Map.of("directory", folder.toString(),
                "callTimeout", TIMEOUT.toMillis() + "ms", "maxConcurrentCalls", 2, "callQueue", 1),
                PluginSettings.class);
        host = new PluginHost(settings, Clock.systemUTC());
        host.start();
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
                    assertThat(p.error()).contains(">=2.0.0").contains("0.1.0");
                });
    }

    @Test
    void aThrowingPluginGivesProviderFailedAndBecomesUnhealthy() {
        LoadedProvider throwing = host.provider(TestPlugins.THROWING).orElseThrow();
        assertThatThrownBy(() -> host.createPaymentLink(throwing, linkRequest()))
                .isInstanceOfSatisfying(ProviderFailedException.class, e -> {
                    assertThat(e.status()).isEqualTo(502);
                    assertThat(e.slug()).isEqualTo("provider-failed");
                    assertThat(e.getMessage()).doesNotContain("a plugin bug");
                });
        assertThat(throwing.health().healthy()).isFalse();
        assertThat(throwing.health().lastFailure()).contains("IllegalStateException");
        assertThat(new PluginHealthCheck(host).execute().isHealthy()).isFalse();
        assertThat(new PluginHealthCheck(host).execute().getMessage()).contains(TestPlugins.THROWING);
    }

    @Test
    void aHangingPluginIsAbandonedAtTheDeadline() {
        LoadedProvider hanging = host.provider(TestPlugins.HANGING).orElseThrow();
        long start = System.nanoTime();
        assertThatThrownBy(() -> host.verifyWebhook(hanging, new WebhookRequest(tenant(), new byte[0], Headers.EMPTY,
                new Credentials(Map.of(), List.of("s")))))
                .isInstanceOfSatisfying(ProviderFailedException.class, e -> assertThat(e.status()).isEqualTo(502));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).isGreaterThanOrEqualTo(TIMEOUT).isLessThan(TIMEOUT.plusSeconds(2));
        assertThat(hanging.health().healthy()).isFalse();
        assertThat(hanging.health().lastFailure()).contains("did not answer within");
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

    static TenantContext tenant() {
        return new TenantContext("00000000-0000-0000-0000-000000000001", "acme");
    }

    static PaymentLinkRequest linkRequest() {
        return new PaymentLinkRequest(tenant(), new InvoiceView("inv-1", "INV-1", Optional.empty(), Optional.empty(),
                "Invoice INV-1"), new Money(1000, "EUR"), URI.create("https://billingnow.test/ok"),
                URI.create("https://billingnow.test/cancel"), Instant.now().plus(Duration.ofDays(1)),
                new Credentials(Map.of(), List.of()));
    }
}
