package io.billingnow.platform.protection.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.billingnow.platform.identity.auth.Role;
import io.billingnow.platform.tenancy.Tenant;
import io.billingnow.platform.testing.TestPlatform;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.billingnow.platform.testing.RawHttp;
import java.net.http.HttpResponse;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The in-memory backend: each route class's per-address, per-credential and per-tenant budgets answer 429. */
@ExtendWith(DropwizardExtensionsSupport.class)
class RateLimitTest {

    static final TestPlatform platform = new TestPlatform(
            ConfigOverride.config("monitoring.rateLimits.enabled", "true"),
            ConfigOverride.config("monitoring.rateLimits.backend", "memory"),
            ConfigOverride.config("monitoring.rateLimits.api.perAddress.requests", "1000"),
            ConfigOverride.config("monitoring.rateLimits.api.perCredential.requests", "3"),
            ConfigOverride.config("monitoring.rateLimits.api.perCredential.period", "1 hour"),
            ConfigOverride.config("monitoring.rateLimits.api.perTenant.requests", "5"),
            ConfigOverride.config("monitoring.rateLimits.api.perTenant.period", "1 hour"),
            ConfigOverride.config("monitoring.rateLimits.signIn.perAddress.requests", "2"),
            ConfigOverride.config("monitoring.rateLimits.signIn.perAddress.period", "1 hour"),
            ConfigOverride.config("monitoring.rateLimits.pay.perAddress.requests", "1000"),
            ConfigOverride.config("monitoring.rateLimits.pay.perCredential.requests", "2"),
            ConfigOverride.config("monitoring.rateLimits.pay.perCredential.period", "1 hour"),
            ConfigOverride.config("monitoring.rateLimits.webhooks.perAddress.requests", "1000"),
            ConfigOverride.config("monitoring.rateLimits.webhooks.perCredential.requests", "2"),
            ConfigOverride.config("monitoring.rateLimits.webhooks.perCredential.period", "1 hour"));

    @RegisterExtension
    static final DropwizardAppExtension<?> APP = platform.app();

    @Test
    void aCredentialOverItsBudgetGets429WithRetryAfterWhileAnotherCredentialGoesOn() {
        Tenant tenant = platform.createTenant("limited-credential", "EUR");
        String first = platform.apiKey(tenant, Role.VIEWER);
        String second = platform.apiKey(tenant, Role.VIEWER);

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            statuses.add(RawHttp.get(platform, "/v1/customers", first).statusCode());
        }
        HttpResponse<String> refused = RawHttp.get(platform, "/v1/customers", first);

        assertThat(statuses).containsOnly(200);
        assertTooManyRequests(refused, "rate-limited");
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 3600L);
        assertThat(RawHttp.get(platform, "/v1/customers", second).statusCode()).isEqualTo(200);
    }

    @Test
    void aTenantOverItsBudgetIsRefusedWhicheverOfItsKeysCallsAndOtherTenantsAreNot() {
        Tenant busy = platform.createTenant("limited-tenant", "EUR");
        Tenant quiet = platform.createTenant("quiet-tenant", "EUR");
        List<String> keys = List.of(platform.apiKey(busy, Role.VIEWER), platform.apiKey(busy, Role.VIEWER),
                platform.apiKey(busy, Role.VIEWER));

        int admitted = 0;
        for (int i = 0; i < 6; i++) {
            if (RawHttp.get(platform, "/v1/customers", keys.get(i % 3)).statusCode() == 200) {
                admitted++;
            }
        }
        HttpResponse<String> refused = RawHttp.get(platform, "/v1/customers", keys.get(2));

        assertThat(admitted).isEqualTo(5);
        assertTooManyRequests(refused, "rate-limited");
        assertThat(RawHttp.get(platform, "/v1/customers", platform.apiKey(quiet, Role.VIEWER)).statusCode()).isEqualTo(200);
    }

    @Test
    void signInIsLimitedPerClientAddress() {
        int first = RawHttp.get(platform, "/auth/unknown-provider/login", null).statusCode();
        int second = RawHttp.get(platform, "/auth/unknown-provider/login", null).statusCode();
        HttpResponse<String> third = RawHttp.get(platform, "/auth/unknown-provider/login", null);

        assertThat(List.of(first, second)).doesNotContain(429);
        assertTooManyRequests(third, "rate-limited");
    }

    @Test
    void aPayLinkTokenAndAWebhookEndpointEachHaveTheirOwnBudget() {
        String token = "pl_" + "a".repeat(43);
        assertThat(RawHttp.get(platform, "/pay/" + token, null).statusCode()).isNotEqualTo(429);
        assertThat(RawHttp.get(platform, "/pay/" + token, null).statusCode()).isNotEqualTo(429);
        assertTooManyRequests(RawHttp.get(platform, "/pay/" + token, null), "rate-limited");
        assertThat(platform.get("/pay/pl_" + "b".repeat(43), null).getStatus()).isNotEqualTo(429);

        String webhook = "/webhooks/whk_" + "c".repeat(43);
        assertThat(RawHttp.post(platform, webhook, null, "{}").statusCode()).isNotEqualTo(429);
        assertThat(RawHttp.post(platform, webhook, null, "{}").statusCode()).isNotEqualTo(429);
        assertTooManyRequests(RawHttp.post(platform, webhook, null, "{}"), "rate-limited");
    }

    @Test
    void aRateLimitHitIsAPlatformSecurityEventThatNamesNoSecret() throws Exception {
        String token = "pl_" + "d".repeat(43);
        for (int i = 0; i < 3; i++) {
            RawHttp.get(platform, "/pay/" + token, null);
        }
        List<String> subjects = new ArrayList<>();
        try (var c = platform.database().appConnection(); var s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT subject FROM security_events WHERE kind = 'rate_limited'"
                     + " AND route_class = 'pay'")) {
            while (rs.next()) {
                subjects.add(rs.getString(1));
            }
        }
        assertThat(subjects).isNotEmpty().allMatch(subject -> subject.matches("paylink:[0-9a-f]{16}"));
        assertThat(String.join(" ", subjects)).doesNotContain("ddddd");
    }

    static void assertTooManyRequests(HttpResponse<String> response, String slug) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(429);
        JsonNode problem = TestPlatform.parse(response.body());
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(response.headers().firstValue("Retry-After").orElseThrow()).matches("[0-9]+");
        assertThat(problem.get("status").asInt()).isEqualTo(429);
        assertThat(problem.get("type").asText()).endsWith("/" + slug);
    }
}
