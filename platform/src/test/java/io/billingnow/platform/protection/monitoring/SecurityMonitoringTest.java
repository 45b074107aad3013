package io.billingnow.platform.protection.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.billingnow.platform.identity.auth.Role;
import io.billingnow.platform.tenancy.Tenant;
import io.billingnow.platform.testing.RawHttp;
import io.billingnow.platform.testing.TestPlatform;
import java.net.http.HttpResponse;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The security-event stream end to end: audit or platform log, metrics in Prometheus format, alerts to a webhook
 * receiver (a local HTTP server), automatic lockout and the operator endpoint that lifts it.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SecurityMonitoringTest {

    static final BlockingQueue<String> ALERTS = new LinkedBlockingQueue<>();
    static final HttpServer RECEIVER = receiver();

    static final TestPlatform platform = new TestPlatform(
            ConfigOverride.config("monitoring.alertSink", "webhook"),
            ConfigOverride.config("monitoring.alertWebhookUrl",
                    () -> "http://127.0.0.1:" + RECEIVER.getAddress().getPort() + "/alerts"),
            ConfigOverride.config("signIn.devLogin", "true"),
            ConfigOverride.config("monitoring.rules[0].threshold", "4"),
            ConfigOverride.config("monitoring.rules[0].lockout", "10 minutes"),
            ConfigOverride.config("monitoring.rules[2].threshold", "3"),
            ConfigOverride.config("monitoring.rules[2].lockout", "15 minutes"));

    @RegisterExtension
    static final DropwizardAppExtension<?> APP = platform.app();

    @AfterAll
    static void stopReceiver() {
        RECEIVER.stop(0);
    }

    @Test
    void aPermissionDenialGoesToTheTenantsAuditLogAndIsCountedInPrometheusFormat() {
        Tenant tenant = platform.createTenant("denied-tenant", "EUR");
        String viewer = platform.apiKey(tenant, Role.VIEWER);
        String owner = platform.apiKey(tenant, Role.OWNER);

        assertThat(platform.post("/v1/customers", viewer, Map.of("name", "Nope")).getStatus()).isEqualTo(403);

        JsonNode trail = platform.getJson("/v1/audit-events", owner, 200);
        List<String> actions = new ArrayList<>();
        trail.get("data").forEach(entry -> actions.add(entry.get("action").asText()));
        assertThat(actions).contains("security.permission_denied");
        String metrics = adminText("/prometheus");
        assertThat(metrics).contains("# TYPE io_billingnow_security_events_permission_denied_total counter");
        assertThat(counter(metrics, "io_billingnow_security_events_permission_denied_total")).isPositive();
    }

    @Test
    void anUnknownCredentialIsAPlatformEventNamedOnlyByItsFingerprint() throws Exception {
        String forged = "bnk_" + "Q".repeat(43);

        assertThat(platform.get("/v1/customers", forged).getStatus()).isEqualTo(401);

        List<String> subjects = platformEvents("authentication_failed");
        assertThat(subjects).contains("credential:" + Fingerprints.of(forged));
        assertThat(String.join(" ", subjects)).doesNotContain("QQQQ");
    }

    @Test
    void repeatedFailuresWithOneCredentialLockItOutUntilAnOperatorLiftsIt() {
        Tenant tenant = platform.createTenant("lockout-tenant", "EUR");
        String good = platform.apiKey(tenant, Role.VIEWER);
        String guessed = "bnk_" + "L".repeat(43);
        String operator = platform.operatorToken(false);
        for (int i = 0; i < 3; i++) {
            assertThat(RawHttp.get(platform, "/v1/customers", guessed).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> locked = RawHttp.get(platform, "/v1/customers", guessed);
        JsonNode lockouts = platform.getJson("/admin/v1/security/lockouts", operator, 200);

        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(TestPlatform.parse(locked.body()).get("type").asText()).endsWith("/locked-out");
        assertThat(Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow())).isBetween(800L, 900L);
        assertThat(platform.get("/v1/customers", good).getStatus()).isEqualTo(200);
        String target = "credential:" + Fingerprints.of(guessed);
        assertThat(lockouts.get("data")).anySatisfy(l -> {
            assertThat(l.get("target").asText()).isEqualTo(target);
            assertThat(l.get("routeClass").asText()).isEqualTo("api");
        });

        Response lifted = platform.request("/admin/v1/security/lockouts?target=" + target, operator).delete();
        assertThat(TestPlatform.expect(TestPlatform.buffered(lifted), 200).get("lifted").asInt()).isEqualTo(1);
        assertThat(RawHttp.get(platform, "/v1/customers", guessed).statusCode()).isEqualTo(401);
    }

    @Test
    void repeatedFailedSignInsFromOneAddressLockThatAddressOutOfSignIn() throws Exception {
        for (int i = 0; i < 4; i++) {
            assertThat(RawHttp.post(platform, "/auth/dev/login", null, "{\"email\":\"not an email\"}").statusCode())
                    .isEqualTo(400);
        }

        HttpResponse<String> locked = RawHttp.post(platform, "/auth/dev/login", null,
                "{\"email\":\"fine@example.com\"}");

        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(TestPlatform.parse(locked.body()).get("type").asText()).endsWith("/locked-out");
        assertThat(platformEvents("sign_in_failed")).hasSizeGreaterThanOrEqualTo(4);
        assertThat(platformEvents("locked_out")).contains("address:127.0.0.1");
        String operator = platform.operatorToken(false);
        Response lifted = platform.request("/admin/v1/security/lockouts?routeClass=sign-in", operator).delete();
        assertThat(TestPlatform.expect(TestPlatform.buffered(lifted), 200).get("lifted").asInt()).isEqualTo(1);
        assertThat(RawHttp.post(platform, "/auth/dev/login", null, "{\"email\":\"fine@example.com\"}")
                .statusCode()).isEqualTo(200);
    }

    @Test
    void aKeyRotationIsASecurityEventNamingTheOperator() throws Exception {
        Tenant tenant = platform.createTenant("rotated-keys", "EUR");
        String operator = platform.operatorToken(false);

        Response rotated = platform.request("/admin/v1/keys/tenants/" + tenant.id() + "/rotate", operator)
                .post(jakarta.ws.rs.client.Entity.json("{}"));
        assertThat(TestPlatform.buffered(rotated).getStatus()).isEqualTo(200);

        assertThat(platformEvents("key_operation")).isNotEmpty().allMatch(subject -> subject.startsWith("operator:"));
    }

    @Test
    void auditorsMayListLockoutsButNotLiftThem() {
        String auditor = platform.operatorToken(true);

        assertThat(platform.get("/admin/v1/security/lockouts", auditor).getStatus()).isEqualTo(200);
        assertThat(TestPlatform.buffered(platform.request("/admin/v1/security/lockouts", auditor).delete())
                .getStatus()).isEqualTo(403);
    }

    @Test
    void crossingAThresholdPostsTheAlertToTheWebhookSink() throws Exception {
        String guessed = "bnk_" + "W".repeat(43);
        for (int i = 0; i < 3; i++) {
            RawHttp.get(platform, "/v1/invoices", guessed);
        }
        String expectedKey = "credential:" + Fingerprints.of(guessed);

        JsonNode alert = null;
        for (String body; (body = ALERTS.poll(20, TimeUnit.SECONDS)) != null; ) {
            JsonNode candidate = TestPlatform.parse(body);
            if (candidate.get("key").asText().equals(expectedKey)) {
                alert = candidate;
                break;
            }
        }

        assertThat(alert).as("alert for %s", expectedKey).isNotNull();
        assertThat(alert.get("kind").asText()).isEqualTo("authentication_failed");
        assertThat(alert.get("by").asText()).isEqualTo("subject");
        assertThat(alert.get("count").asInt()).isEqualTo(3);
        assertThat(alert.get("lockoutSeconds").asLong()).isEqualTo(900);
        assertThat(alert.toString()).doesNotContain("WWWW");
    }

    private static List<String> platformEvents(String kind) throws Exception {
        List<String> subjects = new ArrayList<>();
        try (var c = platform.database().appConnection();
             var s = c.prepareStatement("SELECT subject FROM security_events WHERE kind = ?")) {
            s.setString(1, kind);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    subjects.add(rs.getString(1));
                }
            }
        }
        return subjects;
    }

    private static String adminText(String path) {
        try (Response response = APP.client().target("http://127.0.0.1:" + APP.getAdminPort() + path).request()
                .get()) {
            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.getMediaType().toString()).startsWith("text/plain");
            return response.readEntity(String.class);
        }
    }

    private static double counter(String exposition, String name) {
        return exposition.lines().filter(line -> line.startsWith(name + " ")).findFirst()
                .map(line -> Double.parseDouble(line.substring(name.length() + 1))).orElse(-1.0);
    }

    private static HttpServer receiver() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/alerts", exchange -> {
                ALERTS.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
