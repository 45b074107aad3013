package io.billingnow.platform.testing;

import io.billingnow.platform.app.BillingNowApplication;
import io.billingnow.platform.config.BillingNowConfiguration;
import io.billingnow.platform.identity.apikeys.ApiKeyService;
import io.billingnow.platform.audit.AuditLog;
import io.billingnow.platform.identity.auth.OperatorCaller;
import io.billingnow.platform.identity.auth.Role;
import io.billingnow.platform.identity.auth.SecretTokens;
import io.billingnow.platform.identity.auth.Authenticator;
import io.billingnow.platform.db.Databases;
import io.billingnow.platform.core.tx.PlatformTransactions;
import io.billingnow.platform.core.tx.TenantTransactions;
import io.billingnow.platform.json.JsonConventions;
import io.billingnow.platform.tenancy.Tenant;
import io.billingnow.platform.tenancy.TenantDefinition;
import io.billingnow.platform.tenancy.TenantService;
import io.billingnow.platform.tenancy.Tenants;
import io.billingnow.platform.core.TenantId;
import java.util.Optional;
import io.billingnow.platform.identity.auth.Caller;
import io.billingnow.platform.tenancy.TenantSettings;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.Response;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.glassfish.jersey.client.ClientProperties;
import org.jdbi.v3.core.Jdbi;

/**
 * A running platform on its own fresh database, for end-to-end tests over real HTTP. Create one per test class as a
 * static field and register {@link #app()} with {@code @RegisterExtension}.
 */
public final class TestPlatform {

    private static final ObjectMapper JSON = JsonConventions.apply(Jackson.newObjectMapper());

    private static final java.util.Set<DropwizardAppExtension<?>> RUNNING =
            java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final TestDatabase database;
    private final DropwizardAppExtension<BillingNowConfiguration> app;
    private Jdbi jdbi;

    public TestPlatform(ConfigOverride... extra) {
        this(new BillingNowApplication(), extra);
    }

    public TestPlatform(BillingNowApplication application, ConfigOverride... extra) {
        this(TestPostgres.get().newDatabase(), application, extra);
    }

    /** A second app instance on the same database, as a second node of a cluster would be. */
    public TestPlatform(TestDatabase database, ConfigOverride... extra) {
        this(database, new BillingNowApplication(), extra);
    }

    /** Another node on the same database, running the given application (e.g. one on a test clock). */
    public TestPlatform(TestDatabase database, BillingNowApplication application, ConfigOverride... extra) {
        this.database = database;
        List<ConfigOverride> overrides = new ArrayList<>(database.configOverrides());
        overrides.addAll(List.of(extra));
        this.app = new DropwizardAppExtension<>(application.getClass() == BillingNowApplication.class
                ? BillingNowApplication.class : application.getClass(),
                ResourceHelpers.resourceFilePath("test-config.yml"), overrides.toArray(ConfigOverride[]::new)) {
            @Override
            public void before() throws Exception {
                // Settings another test class left behind (a rate limit switched on, say) must not reach this app.
                // Only when no other node of this test is running: a second node must keep the first one's.
                if (RUNNING.isEmpty()) {
                    StrayOverrides.clear();
                }
                RUNNING.add(this);
                super.before();
            }

            @Override
            public void after() {
                RUNNING.remove(this);
                super.after();
            }
        };
    }

    public DropwizardAppExtension<BillingNowConfiguration> app() {
        return app;
    }

    public TestDatabase database() {
        return database;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + app.getLocalPort() + path;
    }

    private static final int READ_TIMEOUT_MILLIS = 60_000;

    public Invocation.Builder request(String path, String bearer) {
        // Tests assert behaviour, not speed: on a loaded machine the first /v1/openapi.json (built on demand) or a
        // cold JIT path may take longer than the client's default read timeout of a few seconds.
        Invocation.Builder builder = app.client().target(url(path)).request()
                .property(ClientProperties.READ_TIMEOUT, READ_TIMEOUT_MILLIS);
        return bearer == null ? builder : builder.header("Authorization", "Bearer " + bearer);
    }

    /** The response's entity is buffered, so its pooled connection is released even if the test reads only the status. */
    public Response post(String path, String bearer, Object body) {
        return buffered(request(path, bearer).post(Entity.json(body)));
    }

    /** A JSON merge patch (RFC 7396), the API's one way to update; {@code ifMatch} is left out when null. */
    public Response patch(String path, String bearer, String ifMatch, Object body) {
        Invocation.Builder builder = request(path, bearer);
        if (ifMatch != null) {
            builder = builder.header("If-Match", ifMatch);
        }
        return buffered(builder.method("PATCH", Entity.entity(body, "application/merge-patch+json")));
    }

    public Response get(String path, String bearer) {
        return buffered(request(path, bearer).get());
    }

    public static Response buffered(Response response) {
        if (response.hasEntity()) {
            response.bufferEntity();
        } else {
            response.close();
        }
        return response;
    }

    /** POSTs and reads the JSON answer, asserting the status so a failure shows the problem body. */
    public JsonNode postJson(String path, String bearer, Object body, int expectedStatus) {
        return expect(post(path, bearer, body), expectedStatus);
    }

    public JsonNode getJson(String path, String bearer, int expectedStatus) {
        return expect(get(path, bearer), expectedStatus);
    }

    public static JsonNode expect(Response response, int expectedStatus) {
        String body = response.hasEntity() ? response.readEntity(String.class) : "";
        if (response.getStatus() != expectedStatus) {
            throw new AssertionError("expected HTTP " + expectedStatus + " but got " + response.getStatus() + ": "
                    + body);
        }
        return parse(body);
    }

    public static JsonNode parse(String body) {
        try {
            return body.isEmpty() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }


    /** Direct service access for arranging fixtures, bypassing HTTP (never for the behaviour under test). */
    public synchronized Jdbi jdbi() {
        if (jdbi == null) {
            jdbi = Databases.configure(Jdbi.create(database.jdbcUrl(), "billingnow_app", ""));
        }
        return jdbi;
    }

    /** The registry's entry for the tenant, as it is now. */
    public Optional<Tenant> tenant(TenantId id) {
        return Tenants.byId(new PlatformTransactions(jdbi()), id);
    }

    public Optional<Tenant> tenantBySlug(String slug) {
        return Tenants.bySlug(new PlatformTransactions(jdbi()), slug);
    }

    /** Provisions a tenant as an operator would, in the new tenant's own transaction. */
    public Tenant provisionTenant(TenantDefinition definition) {
        return provisionTenant(definition, fixtureOperator());
    }

    public Tenant provisionTenant(TenantDefinition definition, Caller actor) {
        TenantService tenants = new TenantService(new AuditLog(JSON, Clock.systemUTC()), Clock.systemUTC());
        return new TenantTransactions(jdbi()).write(TenantId.random(), tx -> tenants.provision(tx, definition, actor));
    }

    public Tenant createTenant(String slug, String currency) {
        return provisionTenant(new TenantDefinition(slug, "Tenant " + slug, "DE", currency,
                TenantSettings.defaults()));
    }

    public String apiKey(Tenant tenant, Role role) {
        ApiKeyService keys = new ApiKeyService(new AuditLog(JSON, Clock.systemUTC()),
                Clock.systemUTC());
        return new TenantTransactions(jdbi()).write(tenant.id(),
                tx -> keys.issue(tx, "test " + role.wireName(), role, null, fixtureOperator())).secret();
    }

    /** Creates an operator token directly in the database, as the `operators create-token` command does. */
    public String operatorToken(boolean auditor) {
        String token = SecretTokens.generate(Authenticator.OPERATOR_TOKEN_PREFIX);
        try (var c = database.appConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO operator_tokens (id, name, token_hash, role, created_at) VALUES (?, 'test', ?, ?, now())""")) {
            ps.setObject(1, UUID.randomUUID());
            ps.setBytes(2, SecretTokens.hash(token));
            ps.setString(3, auditor ? "auditor" : "operator");
            ps.executeUpdate();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return token;
    }

    private static OperatorCaller fixtureOperator() {
        return new OperatorCaller("test-fixture", false);
    }
}
