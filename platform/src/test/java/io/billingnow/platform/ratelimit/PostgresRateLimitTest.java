package io.billingnow.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.billingnow.platform.auth.Role;
import io.billingnow.platform.tenancy.Tenant;
import io.billingnow.platform.testing.RawHttp;
import io.billingnow.platform.testing.StrayOverrides;
import io.billingnow.platform.testing.TestPlatform;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The PostgreSQL backend: two nodes on one database consume from the same buckets. */
@ExtendWith(DropwizardExtensionsSupport.class)
class PostgresRateLimitTest {

    static final TestPlatform nodeA = new TestPlatform(limits());
    static final TestPlatform nodeB = new TestPlatform(nodeA.database(), limits());

    /** Runs after both nodes have stopped: whichever stops last restores the other's overrides, so clear them. */
    @RegisterExtension
    @Order(1)
    static final AfterAllCallback CLEAR_OVERRIDES = context -> StrayOverrides.clear();

    @RegisterExtension
    @Order(2)
    static final DropwizardAppExtension<?> A = nodeA.app();

    @RegisterExtension
    @Order(3)
    static final DropwizardAppExtension<?> B = nodeB.app();

    /**
     * Fresh instances for each node: a {@link ConfigOverride} remembers the system property it replaced, so one
     * instance shared by two apps would restore the other app's value when stopped and leak it into later tests.
     */
    private static ConfigOverride[] limits() {
        return new ConfigOverride[] {
                ConfigOverride.config("monitoring.rateLimits.enabled", "true"),
                ConfigOverride.config("monitoring.rateLimits.backend", "postgresql"),
                ConfigOverride.config("monitoring.rateLimits.api.perCredential.requests", "4"),
                ConfigOverride.config("monitoring.rateLimits.api.perCredential.period", "1 hour")};
    }

    @Test
    void aCredentialsBudgetIsSharedByEveryNode() {
        Tenant tenant = nodeA.createTenant("cluster-limited", "EUR");
        String key = nodeA.apiKey(tenant, Role.VIEWER);

        List<Integer> statuses = new ArrayList<>();
        statuses.add(RawHttp.get(nodeA, "/v1/customers", key).statusCode());
        statuses.add(RawHttp.get(nodeB, "/v1/customers", key).statusCode());
        statuses.add(RawHttp.get(nodeA, "/v1/customers", key).statusCode());
        statuses.add(RawHttp.get(nodeB, "/v1/customers", key).statusCode());

        assertThat(statuses).containsOnly(200);
        RateLimitTest.assertTooManyRequests(RawHttp.get(nodeA, "/v1/customers", key), "rate-limited");
        RateLimitTest.assertTooManyRequests(RawHttp.get(nodeB, "/v1/customers", key), "rate-limited");
    }

    @Test
    void bucketsAreRowsKeyedByRouteClassAndFingerprintNeverBySecret() throws Exception {
        Tenant tenant = nodeA.createTenant("cluster-rows", "EUR");
        String key = nodeA.apiKey(tenant, Role.VIEWER);
        RawHttp.get(nodeB, "/v1/customers", key);

        List<String> ids = new ArrayList<>();
        try (var c = nodeA.database().appConnection(); var s = c.createStatement();
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
}
