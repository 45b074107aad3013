package io.billingnow.platform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.billingnow.platform.identity.auth.RequiresPermission;
import io.billingnow.platform.identity.auth.RequiresSignIn;
import io.billingnow.platform.identity.auth.Role;
import io.billingnow.platform.core.tx.PlatformTransactions;
import io.billingnow.platform.core.tx.TenantTransactions;
import io.billingnow.platform.identity.members.MembershipDao;
import io.billingnow.platform.providers.plugins.TestPlugins;
import io.billingnow.platform.identity.sessions.SessionCookie;
import io.billingnow.platform.identity.sessions.Sessions;
import io.billingnow.platform.identity.sessions.SigningKeys;
import io.billingnow.platform.testing.ResourceMethods;
import io.billingnow.platform.testing.TestPlatform;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tenant B, holding an owner key, calls every tenant endpoint with tenant A's ids. The endpoints are not listed by
 * hand: they are read from Jersey's resource model of the running app (every {@code @RequiresPermission} method whose
 * path has a parameter), so a new endpoint is probed the moment it is registered. Each call must answer exactly as
 * the same call with random ids (404, an id that does not exist), and tenant A's data must be untouched afterwards.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class CrossTenantIsolationTest {

    static final String COOKIE_KEY = randomKey();
    static final TestPlatform platform = new TestPlatform(
            ConfigOverride.config("plugins.directory", TestPlugins.folder().toString()),
            ConfigOverride.config("signIn.cookieKeys.xtenant", COOKIE_KEY));

    @RegisterExtension
    static final DropwizardAppExtension<?> APP = platform.app();

    static final Pattern PARAMETER = Pattern.compile("([^/]+)/\\{([^}]+)}");

    static String keyA;
    static String keyB;
    static String customerA;
    static String draftA;
    static String openA;
    static String creditNoteA;
    static String apiKeyIdA;
    static String providerAccountA;
    static String webhookSecretA;
    static String paymentLinkA;
    static String payPageA;
    static String memberA;
    static String invitationA;
    static String invoiceB;
    static String providerAccountB;
    /** A person who is a member of tenant B only, signed in: the caller of the user endpoints ({@code /v1/me/…}). */
    static Sessions.Issued sessionB;
    /** The session of tenant A's member: B's person must not be able to end it. */
    static Sessions.Issued sessionA;
    static JsonNode snapshotBefore;

    /**
     * Tenant A's ids for each path parameter, keyed by the collection segment before it and the parameter's name.
     * A parameter not in here cannot be probed, and {@link #everyTenantEndpointWithAPathParameterIsProbed} fails.
     */
    static Map<String, List<String>> idsOfA() {
        Map<String, List<String>> ids = new LinkedHashMap<>();
        ids.put("customers/{id}", List.of(customerA));
        // A draft and a finalized invoice: the lookups of several actions differ by status.
        ids.put("invoices/{id}", List.of(draftA, openA));
        ids.put("credit-notes/{id}", List.of(creditNoteA));
        ids.put("api-keys/{id}", List.of(apiKeyIdA));
        ids.put("provider-accounts/{id}", List.of(providerAccountA));
        ids.put("accounts/{id}", List.of(providerAccountA));  // the web app's /t/{tenant}/getting-paid/accounts/{id}
        ids.put("webhook-secrets/{secretId}", List.of(webhookSecretA));
        ids.put("payment-links/{id}", List.of(paymentLinkA));
        ids.put("members/{userId}", List.of(memberA));
        ids.put("invitations/{id}", List.of(invitationA));
        ids.put("sessions/{id}", List.of(sessionA.record().publicId().toString()));
        // A web page names the attacker's own business in its path and A's object after it.
        ids.put(WEB_TENANT, List.of("tenant-b"));
        return ids;
    }

    @BeforeAll
    static void tenantAHasData() {
        var a = platform.createTenant("tenant-a", "EUR");
        var b = platform.createTenant("tenant-b", "EUR");
        keyA = platform.apiKey(a, Role.OWNER);
        keyB = platform.apiKey(b, Role.OWNER);
        String operator = platform.operatorToken(false);
        for (var tenant : List.of(a, b)) {
            TestPlatform.expect(platform.request("/admin/v1/tenants/" + tenant.id() + "/providers/example-bank-transfer",
                    operator).method("PATCH", Entity.entity(Map.of("enabled", true), "application/merge-patch+json")),
                    200);
        }
        customerA = platform.postJson("/v1/customers", keyA, Map.of("name", "Secret customer of A"), 201)
                .get("id").asText();
        draftA = platform.postJson("/v1/invoices", keyA, invoice(customerA), 201).get("id").asText();
        openA = platform.postJson("/v1/invoices", keyA, invoice(customerA), 201).get("id").asText();
        platform.postJson("/v1/invoices/" + openA + "/finalize", keyA, Map.of(), 200);
        platform.postJson("/v1/invoices/" + openA + "/payments", keyA,
                Map.of("amount", 100, "currency", "EUR", "method", "cash"), 201);
        creditNoteA = platform.postJson("/v1/invoices/" + openA + "/credit-notes", keyA, Map.of("lines", List.of(
                Map.of("description", "x", "quantity", "1", "unitAmount", 100))), 201).get("id").asText();
        apiKeyIdA = platform.getJson("/v1/api-keys", keyA, 200).get("data").get(0).get("id").asText();
        JsonNode account = platform.postJson("/v1/provider-accounts", keyA, bankTransferAccount("A GmbH"), 201);
        providerAccountA = account.get("id").asText();
        webhookSecretA = account.get("webhookSecrets").get(0).get("id").asText();
        JsonNode link = platform.postJson("/v1/invoices/" + openA + "/payment-links", keyA,
                Map.of("providerAccountId", providerAccountA), 201);
        paymentLinkA = link.get("id").asText();
        payPageA = URI.create(link.get("url").asText()).getPath();
        UUID member = UUID.randomUUID();
        platform.jdbi().useHandle(h -> h.execute("INSERT INTO users (id, email, email_verified, created_at) "
                + "VALUES (?, 'member@tenant-a.example', true, now())", member));
        new TenantTransactions(platform.jdbi()).write(a.id(), tx -> tx.dao(MembershipDao.class)
                .insert(tx.tenant(), member, Role.ADMIN.wireName(), Instant.now()));
        memberA = member.toString();
        platform.postJson("/v1/members/invitations", keyA, Map.of("email", "new-hire@tenant-a.example",
                "role", "viewer"), 201);
        invitationA = platform.getJson("/v1/members/invitations", keyA, 200).get("data").get(0).get("id").asText();
        String customerB = platform.postJson("/v1/customers", keyB, Map.of("name", "B's customer"), 201)
                .get("id").asText();
        invoiceB = platform.postJson("/v1/invoices", keyB, invoice(customerB), 201).get("id").asText();
        platform.postJson("/v1/invoices/" + invoiceB + "/finalize", keyB, Map.of(), 200);
        providerAccountB = platform.postJson("/v1/provider-accounts", keyB, bankTransferAccount("B GmbH"), 201)
                .get("id").asText();
        UUID personB = UUID.randomUUID();
        platform.jdbi().useHandle(h -> h.execute("INSERT INTO users (id, email, email_verified, created_at) "
                + "VALUES (?, 'person@tenant-b.example', true, now())", personB));
        new TenantTransactions(platform.jdbi()).write(b.id(), tx -> tx.dao(MembershipDao.class)
                .insert(tx.tenant(), personB, Role.OWNER.wireName(), Instant.now()));
        Sessions sessions = new Sessions(new PlatformTransactions(platform.jdbi()),
                new SessionCookie(SigningKeys.from(Map.of("xtenant", COOKIE_KEY), "test")), Clock.systemUTC(),
                Duration.ofMinutes(30), Duration.ofHours(12), Duration.ofSeconds(15));
        sessionB = sessions.create(personB, "user", "b");
        sessionA = sessions.create(member, "user", "a");
        snapshotBefore = snapshotOfA();
        assertThat(snapshotBefore.get("sessionsOfAsMember")).as("the snapshot sees A's member's session").hasSize(1);
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return java.util.Base64.getEncoder().encodeToString(key);
    }

    static Map<String, Object> invoice(String customer) {
        return Map.of("customerId", customer, "lines", List.of(
                Map.of("description", "Work", "quantity", "1", "unitAmount", 10000)));
    }

    static Map<String, Object> bankTransferAccount(String beneficiary) {
        return Map.of("providerId", "example-bank-transfer", "displayName", "SEPA", "credentials",
                Map.of("beneficiary_name", beneficiary, "iban", "DE89370400440532013000", "pay_page_base_url",
                        "https://bank.example"),
                "webhookSecret", "example_secret_" + UUID.randomUUID().toString().replace("-", ""));
    }

    // ------------------------------------------------------------------------------------ the endpoint model

    /** {@code signedIn}: a user endpoint ({@code @RequiresSignIn}), called with B's person's session, not a key. */
    record Endpoint(String method, String template, boolean signedIn) {
        @Override
        public String toString() {
            return method + " " + template + (signedIn ? " (session)" : "");
        }
    }

    /** One call: an endpoint with tenant A's ids filled in. */
    record Probe(Endpoint endpoint, Map<String, String> ids) {
        @Override
        public String toString() {
            return endpoint + " " + ids.values();
        }
    }

    /**
     * Every tenant endpoint ({@code @RequiresPermission}) and user endpoint ({@code @RequiresSignIn}) of the running
     * app whose path has a parameter.
     */
    static List<Endpoint> tenantEndpointsWithPathParameters() {
        return ResourceMethods.of(APP.getEnvironment().jersey().getResourceConfig()).stream()
                .filter(m -> m.declaration().isAnnotationPresent(RequiresPermission.class)
                        || m.declaration().isAnnotationPresent(RequiresSignIn.class))
                // A web page is the browser's: it is called with a session, never a key.
                .map(m -> new Endpoint(m.httpMethod(), m.path(), m.declaration().isAnnotationPresent(RequiresSignIn.class)
                        || m.path().startsWith(WEB_BUSINESS)))
                .distinct().filter(e -> e.template().contains("{"))
                // A web page whose only parameter names the business: probed by aPersonOfTenantBOpeningTenantAsPages.
                .filter(e -> !(e.template().startsWith(WEB_BUSINESS)
                        && !e.template().substring(WEB_BUSINESS.length()).contains("{")))
                .toList();
    }

    /** How a web page names its business: its path starts with it, in the API's place of the tenant header. */
    static final String WEB_BUSINESS = "/t/{tenant}";
    static final String WEB_TENANT = "t/{tenant}";

    /**
     * The web app names the business in the path; a person of tenant B naming tenant A there gets exactly the answer
     * of a business that does not exist (the API's not-a-member refusal), and nothing of A's.
     */
    @Test
    void aPersonOfTenantBOpeningTenantAsPagesGetsTheAnswerOfANonexistentBusiness() {
        List<String> pages = ResourceMethods.of(APP.getEnvironment().jersey().getResourceConfig()).stream()
                .filter(m -> m.declaration().isAnnotationPresent(RequiresPermission.class))
                .filter(m -> m.path().equals(WEB_BUSINESS) || m.path().equals(WEB_BUSINESS + "/"))
                .filter(m -> m.httpMethod().equals(HttpMethod.GET))
                .map(m -> m.path()).distinct().toList();
        assertThat(pages).as("the dashboard is such a page").isNotEmpty();
        for (String page : pages) {
            Response attack = TestPlatform.buffered(signedIn(page.replace("{tenant}", "tenant-a"), sessionB).get());
            Response control = TestPlatform.buffered(
                    signedIn(page.replace("{tenant}", "no-such-business"), sessionB).get());
            String body = attack.readEntity(String.class);
            assertThat(attack.getStatus()).as(page + ": " + body).isEqualTo(403).isEqualTo(control.getStatus());
            assertThat(comparable(body, Map.of())).isEqualTo(comparable(control.readEntity(String.class), Map.of()));
            assertThat(body).doesNotContain("Secret customer of A").doesNotContain("tenant-a");
            Response own = TestPlatform.buffered(signedIn(page.replace("{tenant}", "tenant-b"), sessionB).get());
            assertThat(own.getStatus()).as("B's person sees B's page").isEqualTo(200);
        }
        assertThat(snapshotOfA()).isEqualTo(snapshotBefore);
    }

    /** The keys of {@link #idsOfA()} a template needs, in order. */
    static List<String> parameters(String template) {
        List<String> keys = new ArrayList<>();
        Matcher m = PARAMETER.matcher(template);
        while (m.find()) {
            String key = m.group(1) + "/{" + m.group(2) + "}";
            if (!(template.startsWith(WEB_BUSINESS + "/") && key.equals("t/{tenant}"))) {
                keys.add(key);  // a page's business is B's own (see fill), never one of A's ids
            }
        }
        return keys;
    }

    static Stream<Arguments> probes() {
        Map<String, List<String>> ids = idsOfA();
        List<Arguments> probes = new ArrayList<>();
        for (Endpoint endpoint : tenantEndpointsWithPathParameters()) {
            List<String> keys = parameters(endpoint.template());
            if (!ids.keySet().containsAll(keys)) {
                continue; // reported by everyTenantEndpointWithAPathParameterIsProbed
            }
            List<Map<String, String>> combinations = new ArrayList<>(List.of(new LinkedHashMap<>()));
            for (String key : keys) {
                List<Map<String, String>> next = new ArrayList<>();
                for (Map<String, String> partial : combinations) {
                    for (String id : ids.get(key)) {
                        Map<String, String> extended = new LinkedHashMap<>(partial);
                        extended.put(key, id);
                        next.add(extended);
                    }
                }
                combinations = next;
            }
            combinations.forEach(c -> probes.add(Arguments.of(new Probe(endpoint, c))));
        }
        return probes.stream();
    }

    // ---------------------------------------------------------------------------------------------- the tests

    @Test
    void everyTenantEndpointWithAPathParameterIsProbed() {
        List<Endpoint> endpoints = tenantEndpointsWithPathParameters();
        // Guards the walk itself: an empty or partial model would pass vacuously.
        assertThat(endpoints).contains(new Endpoint("GET", "/v1/customers/{id}", false),
                new Endpoint("POST", "/v1/invoices/{id}/payment-links", false),
                new Endpoint("DELETE", "/v1/payment-links/{id}", false),
                new Endpoint("DELETE", "/v1/provider-accounts/{id}/webhook-secrets/{secretId}", false),
                new Endpoint("PATCH", "/v1/members/{userId}", false),
                new Endpoint("POST", "/v1/me/invitations/{id}/accept", true));
        assertThat(endpoints).as("tenant endpoints whose path parameter has no id of tenant A in idsOfA()")
                .filteredOn(e -> !idsOfA().keySet().containsAll(parameters(e.template()))).isEmpty();
        assertThat(probes()).hasSizeGreaterThanOrEqualTo(endpoints.size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("probes")
    void tenantBGetsExactlyTheAnswerOfANonexistentIdForTenantAIds(Probe probe) {
        String withIdsOfA = fill(probe, probe.ids());
        Map<String, String> random = new LinkedHashMap<>();
        probe.ids().forEach((k, id) -> random.put(k, k.equals(WEB_TENANT) ? id : UUID.randomUUID().toString()));
        String withRandomIds = fill(probe, random);
        String ifMatch = ifMatchFor(withIdsOfA);

        Response attack = call(probe.endpoint(), withIdsOfA, ifMatch);
        String body = attack.hasEntity() ? attack.readEntity(String.class) : "";
        assertThat(snapshotOfA()).as("tenant A's data after " + probe).isEqualTo(snapshotBefore);
        Response control = call(probe.endpoint(), withRandomIds, ifMatch);
        String controlBody = control.hasEntity() ? control.readEntity(String.class) : "";

        assertThat(attack.getStatus()).as(probe + ": " + body).isEqualTo(404);
        assertThat(attack.getStatus()).as("same status as random ids").isEqualTo(control.getStatus());
        assertThat(comparable(body, probe.ids())).as("same problem as for random ids")
                .isEqualTo(comparable(controlBody, random));
        assertThat(body).doesNotContain("Secret customer of A").doesNotContain("member@tenant-a.example")
                .doesNotContain("new-hire@tenant-a.example").doesNotContain("A GmbH");
    }

    @Test
    void creatingAnInvoiceForTenantAsCustomerIsNotFound() {
        Response response = platform.post("/v1/invoices", keyB, invoice(customerA));
        assertThat(response.getStatus()).as(response.readEntity(String.class)).isEqualTo(404);
        assertThat(snapshotOfA()).isEqualTo(snapshotBefore);
    }

    @Test
    void aPaymentLinkOfTenantBCannotUseTenantAsProviderAccount() {
        Response withA = platform.post("/v1/invoices/" + invoiceB + "/payment-links", keyB,
                Map.of("providerAccountId", providerAccountA));
        Response withRandom = platform.post("/v1/invoices/" + invoiceB + "/payment-links", keyB,
                Map.of("providerAccountId", UUID.randomUUID().toString()));
        assertThat(withA.getStatus()).as(withA.readEntity(String.class)).isEqualTo(withRandom.getStatus())
                .isBetween(400, 499);
        assertThat(snapshotOfA()).isEqualTo(snapshotBefore);
    }

    @Test
    void listsOfTenantBNeverShowTenantAData() {
        assertThat(platform.getJson("/v1/customers", keyB, 200).toString()).doesNotContain(customerA)
                .doesNotContain("Secret customer of A");
        assertThat(platform.getJson("/v1/invoices", keyB, 200).toString()).doesNotContain(draftA)
                .doesNotContain(openA);
        assertThat(platform.getJson("/v1/invoices?customerId=" + customerA, keyB, 200).get("data")).isEmpty();
        assertThat(platform.getJson("/v1/provider-accounts", keyB, 200).toString())
                .doesNotContain(providerAccountA).doesNotContain("A GmbH");
        assertThat(platform.getJson("/v1/members/invitations", keyB, 200).get("data")).isEmpty();
        assertThat(platform.getJson("/v1/members", keyB, 200).toString()).doesNotContain(memberA);
        assertThat(platform.getJson("/v1/webhook-reviews", keyB, 200).get("data")).isEmpty();
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static String fill(Probe probe, Map<String, String> ids) {
        // A page is asked for in B's business (its own, as a member of it), with A's ids.
        String path = probe.endpoint().template().replace(WEB_BUSINESS + "/", "/t/tenant-b/");
        for (var id : ids.entrySet()) {
            path = path.replace(id.getKey(), id.getKey().replaceAll("\\{[^}]+}", id.getValue()));
        }
        // A page with an id: B's person on B's own business, naming A's object.
        return path.replace(WEB_BUSINESS + "/", "/t/tenant-b/");
    }

    /** The real version of A's object (so a version check cannot stop the request before its lookup), else "*". */
    private static String ifMatchFor(String path) {
        Matcher m = Pattern.compile("^/v1/[^/]+/[0-9a-f-]{36}").matcher(path);
        if (m.find()) {
            Response own = platform.get(m.group(), keyA);
            if (own.getStatus() == 200 && own.getEntityTag() != null) {
                return own.getHeaderString("ETag");
            }
        }
        return "*";
    }

    /** A minimal valid-looking body per target, so a request would reach the lookup and, if it leaked, change A. */
    private static Entity<?> body(Endpoint endpoint) {
        String t = endpoint.template();
        if (endpoint.method().equals("PATCH")) {
            Object patch = t.startsWith("/v1/customers/") ? Map.of("name", "Hijacked")
                    : t.startsWith("/v1/invoices/") ? Map.of("lines", List.of(Map.of("description", "Hijacked",
                            "quantity", "1", "unitAmount", 1)))
                    : t.startsWith("/v1/members/") ? Map.of("role", "viewer") : Map.of();
            return Entity.entity(patch, "application/merge-patch+json");
        }
        Object post = t.endsWith("/payments") ? Map.of("amount", 1, "currency", "EUR", "method", "cash")
                : t.endsWith("/credit-notes") ? Map.of("lines", List.of(Map.of("description", "x", "quantity", "1",
                        "unitAmount", 1)))
                // B's own account, so the request gets past the account check to the invoice lookup
                // (A's account on B's invoice: aPaymentLinkOfTenantBCannotUseTenantAsProviderAccount).
                : t.endsWith("/payment-links") ? Map.of("providerAccountId", providerAccountB)
                : t.endsWith("/webhook-secrets") ? Map.of("secret", "example_secret_hijack_" + UUID.randomUUID())
                : Map.of();
        return Entity.json(post);
    }

    /** A page's form with the same fields as {@link #body}'s JSON (a new webhook secret where one is asked for). */
    private static Entity<?> formBody(Endpoint endpoint) {
        jakarta.ws.rs.core.Form form = new jakarta.ws.rs.core.Form();
        if (endpoint.template().endsWith("/webhook-secrets")) {
            form.param("secret", "example_secret_hijack_" + UUID.randomUUID());
        }
        if (endpoint.template().contains("/invoices/{")) {
            form.param("lines_0_description", "Hijacked");  // a draft's edit that leaked would change A's draft
        }
        if (endpoint.template().endsWith("/role")) {
            form.param("role", "viewer");  // a valid role, so only the lookup can refuse
        }
        return Entity.form(form);
    }

    private static Response call(Endpoint endpoint, String path, String ifMatch) {
        // The web app's pages take the browser's session only, and their forms post URL-encoded bodies.
        boolean page = endpoint.template().startsWith(WEB_BUSINESS + "/");
        Invocation.Builder request = (endpoint.signedIn() || page ? signedIn(path, sessionB)
                : platform.request(path, keyB)).header("If-Match", ifMatch);
        if (page) {
            request = request.accept("text/html");
        }
        return TestPlatform.buffered(switch (endpoint.method()) {
            case HttpMethod.GET -> request.get();
            case HttpMethod.DELETE -> request.delete();
            default -> request.method(endpoint.method(), page ? formBody(endpoint) : body(endpoint));
        });
    }

    private static Invocation.Builder signedIn(String path, Sessions.Issued session) {
        return platform.request(path, null).cookie("__Host-bn_session", session.cookieValue())
                .header("X-CSRF-Token", session.csrfToken()).header("Origin", "https://billingnow.test");
    }

    /** A problem without what differs between any two calls: its request id, instance and the ids themselves. */
    private static String comparable(String body, Map<String, String> ids) {
        String out = body;
        for (String id : ids.values()) {
            out = out.replace(id, "{id}");
        }
        if (out.startsWith("<")) {
            // A page's error: the same page but for its request id.
            return out.replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "{request-id}");
        }
        JsonNode json = TestPlatform.parse(out);
        if (json instanceof ObjectNode object) {
            object.remove(List.of("requestId", "instance"));
        }
        return json.toString();
    }

    private static JsonNode snapshotOfA() {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.set("customer", versioned("/v1/customers/" + customerA));
        out.set("draft", versioned("/v1/invoices/" + draftA));
        out.set("open", versioned("/v1/invoices/" + openA));
        out.set("payments", platform.getJson("/v1/invoices/" + openA + "/payments", keyA, 200));
        out.set("creditNotes", platform.getJson("/v1/invoices/" + openA + "/credit-notes", keyA, 200));
        out.set("creditBalance", platform.getJson("/v1/customers/" + customerA + "/credit-balance", keyA, 200));
        out.set("keys", platform.getJson("/v1/api-keys", keyA, 200));
        out.set("providerAccount", platform.getJson("/v1/provider-accounts/" + providerAccountA, keyA, 200));
        out.set("members", platform.getJson("/v1/members", keyA, 200));
        out.set("invitations", platform.getJson("/v1/members/invitations", keyA, 200));
        // A payment link has no API view: its pay page still opening shows it was not revoked.
        out.put("payPage", platform.get(payPageA, null).getStatus());
        // Its ids only: a session's lastSeenAt moves with every call.
        var sessions = out.putArray("sessionsOfAsMember");
        TestPlatform.expect(signedIn("/v1/me/sessions", sessionA).get(), 200).get("data")
                .forEach(session -> sessions.add(session.get("id")));
        return out;
    }

    private static JsonNode versioned(String path) {
        Response response = platform.get(path, keyA);
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.set("body", TestPlatform.expect(response, 200));
        out.put("etag", response.getHeaderString("ETag"));
        return out;
    }
}
