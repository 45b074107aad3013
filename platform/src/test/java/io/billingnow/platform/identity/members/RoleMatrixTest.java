package io.billingnow.platform.identity.members;

import static org.assertj.core.api.Assertions.assertThat;

import io.billingnow.platform.identity.auth.Permission;
import io.billingnow.platform.identity.auth.RequiresPermission;
import io.billingnow.platform.identity.auth.Role;
import io.billingnow.platform.core.tx.PlatformTransactions;
import io.billingnow.platform.core.tx.TenantTransactions;
import io.billingnow.platform.identity.sessions.SessionCookie;
import io.billingnow.platform.identity.sessions.Sessions;
import io.billingnow.platform.identity.sessions.SigningKeys;
import io.billingnow.platform.tenancy.Tenant;
import io.billingnow.platform.testing.ResourceMethods;
import io.billingnow.platform.testing.TestPlatform;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every tenant endpoint registered in the running application, discovered from Jersey's resource model, called with
 * an API key of every role and with the session of a member of every role: the answer is 403 exactly when the role lacks the endpoint's declared permission. Whatever
 * else a permitted call answers (400 for an empty body, 404 for a made-up id), it is never 403.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class RoleMatrixTest {

    static final String COOKIE_KEY = randomKey();
    static final TestPlatform platform = new TestPlatform(
            io.dropwizard.testing.ConfigOverride.config("signIn.cookieKeys.matrix", COOKIE_KEY));

    @RegisterExtension
    static final DropwizardAppExtension<?> APP = platform.app();

    static final Map<Role, String> KEYS = new EnumMap<>(Role.class);
    static final Map<Role, Sessions.Issued> SESSIONS = new EnumMap<>(Role.class);
    static Tenant tenant;

    /** {@code consumes}: the body's media type the method takes (JSON unless it declares another, e.g. a form). */
    record Endpoint(String method, String path, Permission permission, String consumes) {
    }

    /** Per role: an API key, and a person who is a member with that role, signed in with a session. */
    @BeforeAll
    static void oneKeyAndOneMemberPerRole() {
        tenant = platform.createTenant("matrix", "EUR");
        Jdbi jdbi = platform.jdbi();
        Sessions sessions = new Sessions(new PlatformTransactions(jdbi),
                new SessionCookie(SigningKeys.from(Map.of("matrix", COOKIE_KEY), "test")), Clock.systemUTC(),
                Duration.ofMinutes(30), Duration.ofHours(12), Duration.ofSeconds(15));
        for (Role role : Role.values()) {
            KEYS.put(role, platform.apiKey(tenant, role));
            UUID user = UUID.randomUUID();
            jdbi.useHandle(h -> h.execute("INSERT INTO users (id, email, email_verified, created_at) "
                    + "VALUES (?, ?, true, now())", user, role.wireName() + "@matrix.example"));
            new TenantTransactions(jdbi).write(tenant.id(), tx -> tx.dao(MembershipDao.class)
                    .insert(tx.tenant(), user, role.wireName(), Instant.now()));
            SESSIONS.put(role, sessions.create(user, "user", "matrix"));
        }
    }

    @Test
    void forbiddenExactlyWhenTheRoleLacksThePermission() {
        List<Endpoint> endpoints = endpoints();
        assertThat(endpoints).extracting(Endpoint::path)
                .contains("/v1/members", "/v1/members/invitations", "/v1/customers", "/v1/api-keys");
        List<String> violations = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            for (Role role : Role.values()) {
                int byKey = call(endpoint, platform.request(path(endpoint), KEYS.get(role)));
                if (endpoint.path().startsWith("/t/")) {
                    // The web app's pages are the browser's: a bearer key is not a credential there.
                    if (byKey != 401) {
                        violations.add(role.wireName() + " by key on a page: " + endpoint.path() + " -> " + byKey);
                    }
                } else {
                    check(violations, endpoint, role, "key", byKey);
                }
                Sessions.Issued session = SESSIONS.get(role);
                check(violations, endpoint, role, "session", call(endpoint, platform.request(path(endpoint), null)
                        .cookie("__Host-bn_session", session.cookieValue())
                        .header("X-CSRF-Token", session.csrfToken())
                        .header("Origin", "https://billingnow.test")
                        .header("BillingNow-Tenant", tenant.slug())));
            }
        }
        assertThat(violations).isEmpty();
    }

    private static void check(List<String> violations, Endpoint endpoint, Role role, String credential, int status) {
        if (status == 401 || (status == 403) == role.allows(endpoint.permission())) {
            violations.add(role.wireName() + " by " + credential + ": " + endpoint.method() + " " + endpoint.path()
                    + " -> " + status);
        }
    }

    private static String path(Endpoint endpoint) {
        // A page names its business in the path ({tenant}); everything else gets an id that does not exist.
        return endpoint.path().replace("{tenant}", tenant.slug())
                .replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
    }

    private static int call(Endpoint endpoint, jakarta.ws.rs.client.Invocation.Builder request) {
        Response response = switch (endpoint.method()) {
            case HttpMethod.GET -> request.get();
            case HttpMethod.DELETE -> request.delete();
            case "PATCH" -> request.method("PATCH", Entity.entity("{}", "application/merge-patch+json"));
            default -> request.method(endpoint.method(), MediaType.APPLICATION_JSON.equals(endpoint.consumes())
                    ? Entity.json("{}") : Entity.entity("", endpoint.consumes()));
        };
        response.close();
        return response.getStatus();
    }

    private static String consumes(java.lang.reflect.Method method) {
        Consumes consumes = method.getAnnotation(Consumes.class);
        if (consumes == null) {
            consumes = method.getDeclaringClass().getAnnotation(Consumes.class);
        }
        return consumes == null || consumes.value().length == 0 || consumes.value()[0].equals(MediaType.WILDCARD)
                ? MediaType.APPLICATION_JSON : consumes.value()[0];
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return java.util.Base64.getEncoder().encodeToString(key);
    }

    private static List<Endpoint> endpoints() {
        return ResourceMethods.of(APP.getEnvironment().jersey().getResourceConfig()).stream()
                .filter(m -> m.declaration().isAnnotationPresent(RequiresPermission.class))
                .map(m -> new Endpoint(m.httpMethod(), m.path(),
                        m.declaration().getAnnotation(RequiresPermission.class).value(), consumes(m.declaration())))
                .distinct().toList();
    }
}
