package io.billingnow.platform.protection.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.billingnow.platform.identity.auth.Role;
import io.billingnow.platform.tenancy.Tenant;
import io.billingnow.platform.testing.CommandLine;
import io.billingnow.platform.testing.RawHttp;
import io.billingnow.platform.testing.TestPlatform;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lockout rules on two nodes of one database (docs/security.md, "Lockouts"): lockouts and alert windows are
 * shared; an address lockout never refuses a valid credential, so an operator can always list and lift lockouts; a
 * valid credential's refusals (wrong route, missing permission) are not failed guesses; the command line lifts
 * lockouts without any HTTP credential.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class LockoutRulesTest {

    static final ConfigOverride[] RULES = {
            // rules[1]: authentication failures by address; rules[2]: by subject (the credential's fingerprint).
            ConfigOverride.config("monitoring.rules[1].threshold", "6"),
            ConfigOverride.config("monitoring.rules[1].lockout", "15 minutes"),
            ConfigOverride.config("monitoring.rules[2].threshold", "3"),
            ConfigOverride.config("monitoring.rules[2].lockout", "15 minutes")};

    static final java.net.http.HttpClient PROXY = java.net.http.HttpClient.newHttpClient();

    static final TestPlatform nodeA = new TestPlatform(RULES);
    static final TestPlatform nodeB = new TestPlatform(nodeA.database(), RULES);

    @RegisterExtension
    static final DropwizardAppExtension<?> A = nodeA.app();

    @RegisterExtension
    static final DropwizardAppExtension<?> B = nodeB.app();

    @BeforeEach
    void noLockoutsNorWindowsLeftByAnotherTest() throws Exception {
        try (var c = nodeA.database().appConnection(); var s = c.createStatement()) {
            s.executeUpdate("DELETE FROM security_lockouts");
            s.executeUpdate("DELETE FROM security_alert_windows");
        }
    }

    @Test
    void failuresSeenByTwoNodesAddUpToOneLockoutThatBothNodesEnforce() {
        String forged = "bnk_" + "N".repeat(43);
        String operator = nodeA.operatorToken(false);

        assertThat(RawHttp.get(nodeA, "/v1/customers", forged).statusCode()).isEqualTo(401);
        assertThat(RawHttp.get(nodeB, "/v1/customers", forged).statusCode()).isEqualTo(401);
        assertThat(RawHttp.get(nodeA, "/v1/customers", forged).statusCode()).isEqualTo(401);

        HttpResponse<String> onB = RawHttp.get(nodeB, "/v1/customers", forged);
        assertThat(onB.statusCode()).isEqualTo(429);
        assertThat(TestPlatform.parse(onB.body()).get("type").asText()).endsWith("/locked-out");
        assertThat(targets(nodeB.getJson("/admin/v1/security/lockouts", operator, 200)))
                .contains("credential:" + Fingerprints.of(forged));
    }

    @Test
    void aLockedOutAddressStillServesValidCredentialsSoAnOperatorCanListAndLiftTheLockout() {
        Tenant tenant = nodeA.createTenant("locked-address", "EUR");
        String apiKey = nodeA.apiKey(tenant, Role.VIEWER);
        String operator = nodeA.operatorToken(false);
        for (int i = 0; i < 6; i++) {
            String forged = "bnk_" + Integer.toString(i).repeat(43);
            assertThat(RawHttp.get(nodeA, "/v1/customers", forged).statusCode()).isEqualTo(401);
        }

        assertThat(RawHttp.get(nodeB, "/v1/customers", null).statusCode()).as("no credential").isEqualTo(429);
        assertThat(RawHttp.get(nodeB, "/v1/customers", "bnk_" + "7".repeat(43)).statusCode())
                .as("another wrong credential").isEqualTo(429);
        assertThat(RawHttp.get(nodeB, "/v1/customers", "bno_" + "7".repeat(43)).statusCode())
                .as("a wrong operator token").isEqualTo(429);
        assertThat(RawHttp.get(nodeA, "/v1/customers", apiKey).statusCode()).as("a valid API key").isEqualTo(200);
        JsonNode lockouts = nodeB.getJson("/admin/v1/security/lockouts", operator, 200);
        assertThat(targets(lockouts)).contains("address:127.0.0.1");

        HttpResponse<String> lifted = RawHttp.send(nodeB, "DELETE",
                "/admin/v1/security/lockouts?target=address:127.0.0.1", operator, null);
        assertThat(lifted.statusCode()).isEqualTo(200);
        assertThat(TestPlatform.parse(lifted.body()).get("lifted").asInt()).isEqualTo(1);
        assertThat(RawHttp.get(nodeA, "/v1/customers", null).statusCode()).isEqualTo(401);
    }

    @Test
    void aValidApiKeyOnASessionOnlyRouteIsNeverCountedAsAFailedGuess() throws Exception {
        Tenant tenant = nodeA.createTenant("session-only-route", "EUR");
        String apiKey = nodeA.apiKey(tenant, Role.VIEWER);

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            statuses.add(RawHttp.get(nodeA, "/v1/me", apiKey).statusCode());
        }

        assertThat(statuses).containsOnly(401);
        assertThat(RawHttp.get(nodeA, "/v1/customers", apiKey).statusCode()).isEqualTo(200);
        assertThat(RawHttp.get(nodeB, "/v1/customers", apiKey).statusCode()).isEqualTo(200);
        assertThat(events("authentication_failed")).doesNotContain("credential:" + Fingerprints.of(apiKey));
        assertThat(lockoutTargets()).isEmpty();
    }

    @Test
    void aValidCredentialRefusedForMissingPermissionIsNotAnAuthenticationFailure() throws Exception {
        Tenant tenant = nodeA.createTenant("permission-refusals", "EUR");
        String viewer = nodeA.apiKey(tenant, Role.VIEWER);
        String operatorKeyOnTenantRoute = nodeA.operatorToken(false);

        for (int i = 0; i < 8; i++) {
            assertThat(RawHttp.post(nodeA, "/v1/customers", viewer, "{\"name\":\"Nope\"}").statusCode())
                    .isEqualTo(403);
            assertThat(RawHttp.get(nodeA, "/admin/v1/security/lockouts", viewer).statusCode()).isEqualTo(401);
            assertThat(RawHttp.get(nodeA, "/v1/customers", operatorKeyOnTenantRoute).statusCode()).isEqualTo(401);
        }

        assertThat(RawHttp.get(nodeA, "/v1/customers", viewer).statusCode()).isEqualTo(200);
        assertThat(events("authentication_failed")).doesNotContain("credential:" + Fingerprints.of(viewer),
                "credential:" + Fingerprints.of(operatorKeyOnTenantRoute));
        assertThat(events("permission_denied")).hasSizeGreaterThanOrEqualTo(8);
        assertThat(lockoutTargets()).isEmpty();
    }

    @Test
    void theCommandLineListsAndLiftsALockout(@TempDir Path folder) throws Exception {
        String forged = "bnk_" + "C".repeat(43);
        String target = "credential:" + Fingerprints.of(forged);
        for (int i = 0; i < 3; i++) {
            RawHttp.get(nodeA, "/v1/customers", forged);
        }
        assertThat(RawHttp.get(nodeB, "/v1/customers", forged).statusCode()).isEqualTo(429);
        Path config = CommandLine.configFile(nodeA.database(), folder);
        // This JVM's configuration overrides (the rules above) apply to every configuration it parses.
        Files.writeString(config, """
                monitoring:
                  rules:
                    - { kind: sign_in_failed, by: address, threshold: 10 }
                    - { kind: authentication_failed, by: address, threshold: 20 }
                    - { kind: authentication_failed, by: subject, threshold: 10 }
                """, StandardOpenOption.APPEND);

        CommandLine.Outcome listed = CommandLine.run("security", "lockouts", "list", config.toString());
        CommandLine.Outcome lifted = CommandLine.run("security", "lockouts", "lift", config.toString(),
                "--target", target);

        assertThat(listed.succeeded()).as(listed.err()).isTrue();
        assertThat(listed.out()).contains("api\t" + target);
        assertThat(lifted.succeeded()).as(lifted.err()).isTrue();
        assertThat(lifted.out()).contains("Lifted 1 lockout");
        assertThat(RawHttp.get(nodeA, "/v1/customers", forged).statusCode()).isEqualTo(401);
        assertThat(RawHttp.get(nodeB, "/v1/customers", forged).statusCode()).isEqualTo(401);
    }

    @Test
    void aSharedAlertWindowKeepsOnlyTheThresholdsWorthOfTimestampsPerKey() throws Exception {
        PostgresAlertWindows windows = new PostgresAlertWindows(
                new io.billingnow.platform.core.tx.PlatformTransactions(nodeA.jdbi()));
        java.time.Instant start = java.time.Instant.parse("2026-01-01T00:00:00Z");

        List<Integer> counts = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            counts.add(windows.record("test|window", start.plusSeconds(i), java.time.Duration.ofHours(1),
                    4));
        }

        assertThat(counts.subList(0, 4)).containsExactly(1, 2, 3, 4);
        assertThat(counts.subList(4, 50)).containsOnly(4);
        try (var c = nodeA.database().appConnection(); var s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT cardinality(hits) FROM security_alert_windows WHERE key = 'test|window'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(4);
        }
        assertThat(windows.record("test|window", start.plus(java.time.Duration.ofHours(2)), java.time.Duration.ofHours(1),
                4)).as("older hits fall out of the window").isEqualTo(1);
    }

    @Test
    void anAddressThatForwardsWithoutBeingATrustedProxyIsAlertedOnButNeverLockedOut() throws Exception {
        List<Alert> alerts = new java.util.concurrent.CopyOnWriteArrayList<>();
        io.billingnow.platform.core.tx.PlatformTransactions platform =
                new io.billingnow.platform.core.tx.PlatformTransactions(nodeA.jdbi());
        java.time.Clock clock = java.time.Clock.systemUTC();
        Lockouts lockouts = new Lockouts(platform, clock);
        SecurityEvents events = new SecurityEvents(new io.billingnow.platform.core.tx.TenantTransactions(nodeA.jdbi()),
                platform, new io.billingnow.platform.audit.AuditLog(new com.fasterxml.jackson.databind.ObjectMapper(),
                clock), new com.codahale.metrics.MetricRegistry(),
                List.of(new AlertRule(SecurityEventKind.AUTHENTICATION_FAILED, AlertRule.By.ADDRESS, 3,
                        io.dropwizard.util.Duration.minutes(5), io.dropwizard.util.Duration.minutes(15))),
                alerts::add, lockouts, new PostgresAlertWindows(platform), clock);

        failThreeTimes(events, "198.51.100.7", true);
        failThreeTimes(events, "198.51.100.8", false);

        assertThat(alerts).extracting(Alert::key).containsExactly("address:198.51.100.7", "address:198.51.100.8");
        assertThat(alerts.get(0).lockoutSeconds()).isZero();
        assertThat(lockoutTargets()).containsExactly("address:198.51.100.8");
    }

    @Test
    void behindAnUntrustedProxyOneAttackerCannotLockEverybodyOut() throws Exception {
        for (int i = 0; i < 8; i++) {
            assertThat(viaProxy("/v1/customers", "bnk_" + Integer.toString(i).repeat(43)).statusCode()).isEqualTo(401);
        }

        assertThat(viaProxy("/v1/customers", null).statusCode()).as("anybody else behind the proxy").isEqualTo(401);
        assertThat(lockoutTargets()).doesNotContain("address:127.0.0.1");
        assertThat(events("locked_out")).doesNotContain("address:127.0.0.1");
    }

    /** As a proxy that is not in trustedProxies forwards a client's request: from its own address, naming the client. */
    private static HttpResponse<String> viaProxy(String path, String bearer) throws Exception {
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(nodeA.url(path))).header("X-Forwarded-For", "203.0.113.50");
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return PROXY.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void failThreeTimes(SecurityEvents events, String address, boolean viaUntrustedProxy) {
        GuardedRequest.begin(new GuardedRequest(io.billingnow.platform.protection.ratelimit.RouteClass.API, address, null,
                viaUntrustedProxy, null));
        try {
            for (int i = 0; i < 3; i++) {
                events.record(new SecurityEvent(SecurityEventKind.AUTHENTICATION_FAILED, null, null, null,
                        "credential:" + i, "credential refused"));
            }
        } finally {
            GuardedRequest.end();
        }
    }

    private static List<String> targets(JsonNode lockouts) {
        List<String> targets = new ArrayList<>();
        lockouts.get("data").forEach(l -> targets.add(l.get("target").asText()));
        return targets;
    }

    private static List<String> lockoutTargets() throws Exception {
        return column("SELECT target FROM security_lockouts WHERE until > now()", null);
    }

    private static List<String> events(String kind) throws Exception {
        return column("SELECT subject FROM security_events WHERE kind = ?", kind);
    }

    private static List<String> column(String sql, String parameter) throws Exception {
        List<String> values = new ArrayList<>();
        try (var c = nodeA.database().appConnection(); var s = c.prepareStatement(sql)) {
            if (parameter != null) {
                s.setString(1, parameter);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
        }
        return values;
    }
}
