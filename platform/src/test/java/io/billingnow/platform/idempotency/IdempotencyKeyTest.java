package io.billingnow.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.billingnow.platform.identity.auth.Role;
import io.billingnow.platform.tenancy.Tenant;
import io.billingnow.platform.testing.ConventionsTestApplication;
import io.billingnow.platform.testing.TestPlatform;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

@ExtendWith(DropwizardExtensionsSupport.class)
class IdempotencyKeyTest {

    static final TestPlatform platform = new TestPlatform(new ConventionsTestApplication());

    @RegisterExtension
    static final DropwizardAppExtension<?> APP = platform.app();

    private static final ObjectMapper JSON = Jackson.newObjectMapper();
    private static final ExecutorService THREADS = Executors.newFixedThreadPool(2);

    private static Tenant tenantA;
    private static Tenant tenantB;
    private static String ownerA;
    private static String ownerB;

    @BeforeAll
    static void twoTenants() {
        tenantA = platform.createTenant("idem-a", "EUR");
        tenantB = platform.createTenant("idem-b", "EUR");
        ownerA = platform.apiKey(tenantA, Role.OWNER);
        ownerB = platform.apiKey(tenantB, Role.OWNER);
    }

    @AfterAll
    static void stopThreads() {
        THREADS.shutdownNow();
    }

    @Test
    void aRetryWithTheSameKeyReplaysTheFirstResponseAndCreatesNothing() throws Exception {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("name", "replayed key", "role", "viewer");

        Response first = post("/v1/api-keys", ownerA, key, body);
        String firstBody = first.readEntity(String.class);
        Response retry = post("/v1/api-keys", ownerA, key, body);
        String retryBody = retry.readEntity(String.class);

        assertThat(first.getStatus()).isEqualTo(201);
        assertThat(first.getHeaderString(IdempotencyFilter.REPLAYED_HEADER)).isNull();
        assertThat(retry.getStatus()).isEqualTo(201);
        assertThat(retry.getHeaderString(IdempotencyFilter.REPLAYED_HEADER)).isEqualTo("true");
        assertThat(retry.getMediaType()).isEqualTo(first.getMediaType());
        assertThat(retryBody).isEqualTo(firstBody);
        assertThat(keyIds(firstBody)).isEqualTo(keyIds(retryBody));
        assertThat(keysNamed(ownerA, "replayed key")).isEqualTo(1);
        assertThat(storedBody(key)).as("the stored response holds the new key's secret encrypted, never in clear")
                .doesNotContain(platform.parse(firstBody).get("secret").asText()).doesNotContain("bnk_");
    }

    private static String storedBody(String idempotencyKey) throws java.sql.SQLException {
        try (var c = platform.database().superuserConnection();
             var ps = c.prepareStatement("SELECT response_body FROM idempotency_keys WHERE idempotency_key = ?")) {
            ps.setString(1, idempotencyKey);
            try (var rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return new String(rs.getBytes(1), java.nio.charset.StandardCharsets.ISO_8859_1);
            }
        }
    }

    @Test
    void withoutTheHeaderEveryPostRunsAgain() {
        Map<String, Object> body = Map.of("name", "no header", "role", "viewer");
        assertThat(post("/v1/api-keys", ownerA, body).getStatus()).isEqualTo(201);
        assertThat(post("/v1/api-keys", ownerA, body).getStatus()).isEqualTo(201);
        assertThat(keysNamed(ownerA, "no header")).isEqualTo(2);
    }

    @Test
    void theSameKeyWithADifferentBodyIsRefusedWith422() {
        String key = UUID.randomUUID().toString();
        assertThat(post("/v1/api-keys", ownerA, key, Map.of("name", "body one", "role", "viewer")).getStatus())
                .isEqualTo(201);

        Response reused = post("/v1/api-keys", ownerA, key, Map.of("name", "body two", "role", "viewer"));

        assertProblem(reused, 422, "idempotency-key-reused");
        assertThat(keysNamed(ownerA, "body two")).isZero();
    }

    @Test
    void theSameKeyOnADifferentPathIsRefusedWith422() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("name", "path one", "role", "viewer");
        assertThat(post("/v1/api-keys", ownerA, key, body).getStatus()).isEqualTo(201);

        assertProblem(post("/v1/test/flaky", ownerA, key, body), 422, "idempotency-key-reused");
    }

    @Test
    void aDuplicateArrivingWhileTheFirstIsInFlightGets409ThenTheReplay() throws Exception {
        String key = UUID.randomUUID().toString();
        ConventionsTestApplication.slowEntered = new CountDownLatch(1);
        ConventionsTestApplication.slowRelease = new CountDownLatch(1);
        int executionsBefore = ConventionsTestApplication.EXECUTIONS.get();

        Future<Response> first = THREADS.submit(() -> post("/v1/test/slow", ownerA, key, Map.of("n", 1)));
        assertThat(ConventionsTestApplication.slowEntered.await(10, TimeUnit.SECONDS)).isTrue();
        Response duplicate = post("/v1/test/slow", ownerA, key, Map.of("n", 1));
        ConventionsTestApplication.slowRelease.countDown();
        Response original = first.get(30, TimeUnit.SECONDS);
        Response later = post("/v1/test/slow", ownerA, key, Map.of("n", 1));

        assertProblem(duplicate, 409, "idempotency-key-in-progress");
        assertThat(original.getStatus()).isEqualTo(201);
        String originalBody = original.readEntity(String.class);
        assertThat(later.getStatus()).isEqualTo(201);
        assertThat(later.getHeaderString(IdempotencyFilter.REPLAYED_HEADER)).isEqualTo("true");
        assertThat(later.readEntity(String.class)).isEqualTo(originalBody);
        assertThat(ConventionsTestApplication.EXECUTIONS.get() - executionsBefore).isEqualTo(1);
    }

    @Test
    void racingDuplicatesNeverCreateTwoKeys() throws Exception {
        for (int round = 0; round < 5; round++) {
            String key = UUID.randomUUID().toString();
            String name = "race " + round;
            CyclicBarrier start = new CyclicBarrier(2);
            List<Future<Response>> racers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                racers.add(THREADS.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return post("/v1/api-keys", ownerA, key, Map.of("name", name, "role", "viewer"));
                }));
            }
            List<Response> responses = new ArrayList<>();
            for (Future<Response> racer : racers) {
                responses.add(racer.get(30, TimeUnit.SECONDS));
            }

            assertThat(responses).extracting(Response::getStatus).allMatch(s -> s == 201 || s == 409);
            assertThat(responses).filteredOn(r -> r.getStatus() == 201
                    && r.getHeaderString(IdempotencyFilter.REPLAYED_HEADER) == null).hasSize(1);
            assertThat(keysNamed(ownerA, name)).isEqualTo(1);
        }
    }

    @Test
    void aServerErrorReleasesTheKeySoTheRetryRunsForReal() {
        String key = UUID.randomUUID().toString();
        ConventionsTestApplication.FLAKY_FAILURES.set(1);
        int executionsBefore = ConventionsTestApplication.EXECUTIONS.get();

        Response failed = post("/v1/test/flaky", ownerA, key, Map.of("n", 1));
        Response retried = post("/v1/test/flaky", ownerA, key, Map.of("n", 1));

        assertThat(failed.getStatus()).isEqualTo(500);
        assertThat(retried.getStatus()).isEqualTo(201);
        assertThat(retried.getHeaderString(IdempotencyFilter.REPLAYED_HEADER)).isNull();
        assertThat(ConventionsTestApplication.EXECUTIONS.get() - executionsBefore).isEqualTo(1);
    }

    @Test
    void aClientErrorIsStoredAndReplayedLikeAnyResponse() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("name", "bad role", "role", "emperor");

        Response first = post("/v1/api-keys", ownerA, key, body);
        String firstBody = first.readEntity(String.class);
        Response retry = post("/v1/api-keys", ownerA, key, body);

        assertThat(first.getStatus()).isEqualTo(400);
        assertThat(retry.getStatus()).isEqualTo(400);
        assertThat(retry.getMediaType().toString()).isEqualTo("application/problem+json");
        assertThat(retry.getHeaderString(IdempotencyFilter.REPLAYED_HEADER)).isEqualTo("true");
        assertThat(retry.readEntity(String.class)).isEqualTo(firstBody);
    }

    @Test
    void anotherTenantUsingTheSameKeyStringGetsItsOwnResult() throws Exception {
        String key = "order-2024-0001";
        Map<String, Object> body = Map.of("name", "shared key string", "role", "viewer");

        Response forA = post("/v1/api-keys", ownerA, key, body);
        Response forB = post("/v1/api-keys", ownerB, key, body);

        assertThat(forA.getStatus()).isEqualTo(201);
        assertThat(forB.getStatus()).isEqualTo(201);
        assertThat(forB.getHeaderString(IdempotencyFilter.REPLAYED_HEADER)).isNull();
        assertThat(keyIds(forA.readEntity(String.class))).isNotEqualTo(keyIds(forB.readEntity(String.class)));
        assertThat(keysNamed(ownerA, "shared key string")).isEqualTo(1);
        assertThat(keysNamed(ownerB, "shared key string")).isEqualTo(1);
    }

    @Test
    void keysThatAreTooLongOrHoldControlCharactersAreRefused() {
        Map<String, Object> body = Map.of("name", "bad idempotency key", "role", "viewer");
        assertProblem(post("/v1/api-keys", ownerA, "k".repeat(256), body), 400, "invalid-idempotency-key");
        assertProblem(post("/v1/api-keys", ownerA, "tab\tinside", body), 400, "invalid-idempotency-key");
        assertThat(post("/v1/api-keys", ownerA, "k".repeat(255), body).getStatus()).isEqualTo(201);
        assertThat(keysNamed(ownerA, "bad idempotency key")).isEqualTo(1);
    }

    /** Buffered, so the pooled client connection is free again whether or not the test reads the body. */
    private static Response post(String path, String bearer, String key, Object body) {
        Response response = platform.request(path, bearer).header(IdempotencyFilter.HEADER, key)
                .post(Entity.json(body));
        response.bufferEntity();
        return response;
    }

    private static Response post(String path, String bearer, Object body) {
        Response response = platform.post(path, bearer, body);
        response.bufferEntity();
        return response;
    }

    private static String keyIds(String createdApiKeyJson) throws Exception {
        return JSON.readTree(createdApiKeyJson).path("key").path("id").asText();
    }

    @SuppressWarnings("unchecked")
    private static long keysNamed(String bearer, String name) {
        Map<String, List<Map<String, Object>>> list = platform.get("/v1/api-keys", bearer).readEntity(Map.class);
        return list.get("data").stream().filter(k -> name.equals(k.get("name"))).count();
    }

    @SuppressWarnings("unchecked")
    static void assertProblem(Response response, int status, String slug) {
        assertThat(response.getStatus()).isEqualTo(status);
        assertThat(response.getMediaType().toString()).isEqualTo("application/problem+json");
        assertThat(response.readEntity(Map.class))
                .containsEntry("type", "https://billingnow.io/problems/" + slug);
    }
}
