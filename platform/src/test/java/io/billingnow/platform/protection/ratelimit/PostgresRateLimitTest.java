package io.billingnow.platform.protection.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.billingnow.platform.identity.auth.Role;
import io.billingnow.platform.protection.monitoring.Fingerprints;
import io.billingnow.platform.tenancy.Tenant;
import io.billingnow.platform.testing.RawHttp;
import io.billingnow.platform.testing.TestPlatform;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The PostgreSQL backend: a second node (its own {@link PostgresBucketStore} on the same database, as another app
 * instance would build it) consumes from the same buckets as the running platform. A second app in the same JVM
 * is avoided on purpose: two apps restore each other's configuration overrides when they stop, leaking these limits
 * into later test classes.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class PostgresRateLimitTest {

    static final TestPlatform platform = new TestPlatform(
            ConfigOverride.config("monitoring.rateLimits.enabled", "true"),
            ConfigOverride.config("monitoring.rateLimits.backend", "postgresql"),
            ConfigOverride.config("monitoring.rateLimits.api.perCredential.requests", "4"),
            ConfigOverride.config("monitoring.rateLimits.api.perCredential.period", "1 hour"));

    @RegisterExtension
    static final DropwizardAppExtension<?> APP = platform.app();

    @Test
    void aCredentialsBudgetIsSharedByEveryNode() {
        Tenant tenant = platform.createTenant("cluster-limited", "EUR");
        String key = platform.apiKey(tenant, Role.VIEWER);
        RateLimiter otherNode = new RateLimiter(
                ((io.billingnow.platform.config.BillingNowConfiguration) APP.getConfiguration()).getMonitoring()
                        .getRateLimits(), new PostgresBucketStore(dataSource(), Duration.ofMinutes(10)));
        String subject = "credential:" + Fingerprints.of(key);

        List<Integer> statuses = new ArrayList<>();
        statuses.add(RawHttp.get(platform, "/v1/customers", key).statusCode());
        assertThat(otherNode.refusal(RouteClass.API, RateLimiter.Scope.CREDENTIAL, subject)).isEmpty();
        statuses.add(RawHttp.get(platform, "/v1/customers", key).statusCode());
        assertThat(otherNode.refusal(RouteClass.API, RateLimiter.Scope.CREDENTIAL, subject)).isEmpty();

        assertThat(statuses).containsOnly(200);
        RateLimitTest.assertTooManyRequests(RawHttp.get(platform, "/v1/customers", key), "rate-limited");
        assertThat(otherNode.refusal(RouteClass.API, RateLimiter.Scope.CREDENTIAL, subject)).isPresent();
    }

    @Test
    void bucketsAreRowsKeyedByRouteClassAndFingerprintNeverBySecret() throws Exception {
        Tenant tenant = platform.createTenant("cluster-rows", "EUR");
        String key = platform.apiKey(tenant, Role.VIEWER);
        RawHttp.get(platform, "/v1/customers", key);

        List<String> ids = new ArrayList<>();
        try (var c = platform.database().appConnection(); var s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id FROM rate_limit_buckets WHERE state IS NOT NULL"
                     + " AND expires_at > 0")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        assertThat(ids).contains("api:address:127.0.0.1", "api:tenant:" + tenant.id())
                .anyMatch(id -> id.matches("api:credential:[0-9a-f]{16}"));
        assertThat(String.join(" ", ids)).doesNotContain(key.substring(4, 20));
    }

    private static PGSimpleDataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(platform.database().jdbcUrl());
        dataSource.setUser("billingnow_app");
        return dataSource;
    }
}
