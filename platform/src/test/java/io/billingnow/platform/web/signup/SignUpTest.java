package io.billingnow.platform.web.signup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.billingnow.platform.tenancy.Tenant;
import io.billingnow.platform.testing.TestPlatform;
import io.billingnow.platform.web.People;
import io.billingnow.platform.web.People.Person;
import io.billingnow.platform.web.People.Session;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.time.Year;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Self-service sign-up over real HTTP: a person without a business creates one through the operators' provisioning
 * (own data key, default numbering, owner membership, audited); what they type is checked as hostile input; the
 * per-person rate limit and the cap on businesses hold; the form needs the CSRF token.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SignUpTest {

    private static final String KEY = People.randomKey();
    private static final TestPlatform PLATFORM = new TestPlatform(People.cookieKey(KEY),
            ConfigOverride.config("signIn.maxBusinessesPerPerson", "2"),
            ConfigOverride.config("monitoring.rateLimits.enabled", "true"),
            ConfigOverride.config("monitoring.rateLimits.signUp.perCredential.requests", "5"));

    @RegisterExtension
    static final DropwizardAppExtension<?> APP = PLATFORM.app();

    private static People people;

    private static People people() {
        if (people == null) {
            people = People.of(PLATFORM, KEY);
        }
        return people;
    }

    private static Map<String, String> business(String name, String slug) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", name);
        form.put("slug", slug);
        form.put("country", "DE");
        form.put("currency", "EUR");
        return form;
    }

    @Test
    void aPersonWithoutABusinessCreatesOneWithItsOwnKeyDefaultNumberingAndThemAsOwner() {
        Person ada = people().person("ada@signup.example");
        Session session = people().signIn(ada, "test");
        HttpResponse<String> chooser = people().get("/", session);
        assertThat(chooser.body()).contains("href=\"/businesses/new\"").contains("You do not belong to a business yet");
        HttpResponse<String> form = people().get("/businesses/new", session);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("name=\"_csrf\" value=\"" + session.csrf() + "\"");

        HttpResponse<String> created = people().post("/businesses/new", session, business("Ada's Bakery", "ada-bakery"));
        assertThat(People.location(created)).isEqualTo("/t/ada-bakery/?notice=business_created");

        Tenant tenant = PLATFORM.tenantBySlug("ada-bakery").orElseThrow();
        assertThat(tenant.name()).isEqualTo("Ada's Bakery");
        assertThat(tenant.defaultCurrency()).isEqualTo("EUR");
        assertThat(tenant.country()).isEqualTo("DE");
        JsonNode me = TestPlatform.parse(people().api("GET", "/v1/me", session, null, null).body());
        assertThat(me.get("memberships")).hasSize(1);
        assertThat(me.get("memberships").get(0).get("slug").asText()).isEqualTo("ada-bakery");
        assertThat(me.get("memberships").get(0).get("role").asText()).isEqualTo("owner");

        // Its own data key, made by the same provisioning the operators use.
        JsonNode keys = PLATFORM.getJson("/admin/v1/keys/tenants/" + tenant.id().value(),
                PLATFORM.operatorToken(false), 200);
        assertThat(keys.get("keys")).hasSize(1);
        assertThat(keys.get("keys").get(0).get("state").asText()).isEqualTo("primary");
        // ... which seals the customer's tax id, and default numbering: INV-{YYYY}-{SEQ:5}.
        HttpResponse<String> customer = people().api("POST", "/v1/customers", session, "ada-bakery",
                "{\"name\":\"First customer\",\"taxId\":\"DE123456789\"}");
        assertThat(customer.statusCode()).as(customer.body()).isEqualTo(201);
        String customerId = TestPlatform.parse(customer.body()).get("id").asText();
        HttpResponse<String> invoice = people().api("POST", "/v1/invoices", session, "ada-bakery",
                "{\"customerId\":\"" + customerId + "\",\"currency\":\"EUR\",\"lines\":[{\"description\":\"Bread\","
                        + "\"quantity\":\"1\",\"unitAmount\":450}]}");
        assertThat(invoice.statusCode()).as(invoice.body()).isEqualTo(201);
        String invoiceId = TestPlatform.parse(invoice.body()).get("id").asText();
        HttpResponse<String> finalized = people().api("POST", "/v1/invoices/" + invoiceId + "/finalize", session,
                "ada-bakery", "{}");
        assertThat(finalized.statusCode()).as(finalized.body()).isEqualTo(200);
        assertThat(TestPlatform.parse(finalized.body()).get("number").asText())
                .isEqualTo("INV-" + Year.now(java.time.ZoneOffset.UTC) + "-00001");

        // Audited in the new business's own log: provisioned and founded by this person.
        JsonNode audit = TestPlatform.parse(people().api("GET", "/v1/audit-events?limit=100", session,
                "ada-bakery", null).body());
        List<String> actions = new java.util.ArrayList<>();
        audit.get("data").forEach(e -> {
            if (("user:" + ada.id()).equals(e.get("actor").get("type").asText() + ":" + e.get("actor").get("id").asText())) {
                actions.add(e.get("action").asText());
            }
        });
        assertThat(actions).contains("tenant.provisioned", "member.founded");

        HttpResponse<String> dashboard = people().get("/t/ada-bakery/?notice=business_created", session);
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).contains("Your business is ready.").contains("Ada&#39;s Bakery");
    }

    @Test
    void invalidReservedAndTakenAddressesAreShownAsFormErrorsKeepingWhatWasTyped() {
        Person grace = people().person("grace@signup.example");
        Session session = people().signIn(grace, "test");
        PLATFORM.createTenant("taken-address", "EUR");

        HttpResponse<String> invalid = people().post("/businesses/new", session,
                business("<script>alert(1)</script>", "Not A Slug!"));
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.body()).contains("id=\"signup-slug-error\"").contains("aria-invalid=\"true\"")
                .contains("value=\"&lt;script&gt;alert(1)&lt;/script&gt;\"").doesNotContain("<script>alert(1)")
                .contains("value=\"Not A Slug!\"");

        HttpResponse<String> reserved = people().post("/businesses/new", session, business("Admin", "admin"));
        assertThat(reserved.statusCode()).isEqualTo(422);
        assertThat(reserved.body()).contains("<p class=\"field-error\" id=\"signup-slug-error\">reserved: choose "
                + "another</p>");

        HttpResponse<String> taken = people().post("/businesses/new", session, business("Mine", "taken-address"));
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(taken.body()).contains("<p class=\"field-error\" id=\"signup-slug-error\">already taken</p>");

        Map<String, String> badCountry = business("A name", "grace-co");
        badCountry.put("country", "XX");
        badCountry.put("currency", "EURO");
        HttpResponse<String> wrongCodes = people().post("/businesses/new", session, badCountry);
        assertThat(wrongCodes.statusCode()).isEqualTo(422);
        assertThat(wrongCodes.body()).contains("id=\"signup-country-error\"").contains("id=\"signup-currency-error\"");

        HttpResponse<String> tooLong = people().post("/businesses/new", session, business("x".repeat(201), "grace-co"));
        assertThat(tooLong.statusCode()).isEqualTo(422);
        assertThat(tooLong.body()).contains("id=\"signup-name-error\"");

        assertThat(PLATFORM.tenantBySlug("admin")).isEmpty();
        assertThat(PLATFORM.tenantBySlug("grace-co")).isEmpty();
        assertThat(people().api("GET", "/v1/me", session, null, null).body()).contains("\"memberships\":[]");
    }

    @Test
    void aPersonMayOwnOnlyAsManyBusinessesAsConfigured() {
        Session session = people().signIn(people().person("cap@signup.example"), "test");
        assertThat(People.location(people().post("/businesses/new", session, business("One", "cap-one"))))
                .startsWith("/t/cap-one/");
        assertThat(People.location(people().post("/businesses/new", session, business("Two", "cap-two"))))
                .startsWith("/t/cap-two/");

        HttpResponse<String> third = people().post("/businesses/new", session, business("Three", "cap-three"));
        assertThat(third.statusCode()).isEqualTo(409);
        assertThat(third.body()).contains("class=\"alert\"").contains("You already own 2 businesses");
        assertThat(PLATFORM.tenantBySlug("cap-three")).isEmpty();
    }

    @Test
    void concurrentSignUpsOfOnePersonCannotPassTheCapTogether() throws Exception {
        Session session = people().signIn(people().person("race@signup.example"), "test");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            for (int i = 0; i < 4; i++) {
                String slug = "race-" + i;
                answers.add(pool.submit(() -> {
                    start.await();
                    return people().post("/businesses/new", session, business("Race", slug)).statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<Integer> answer : answers) {
                statuses.add(answer.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertThat(statuses).filteredOn(s -> s == 303).hasSize(2);
            assertThat(statuses).filteredOn(s -> s == 409).hasSize(2);
        } finally {
            pool.shutdownNow();
        }
        JsonNode me = TestPlatform.parse(people().api("GET", "/v1/me", session, null, null).body());
        assertThat(me.get("memberships")).hasSize(2);
    }

    @Test
    void attemptsBeyondThePerPersonRateAreRefusedWith429AndOthersGoOn() {
        Session hasty = people().signIn(people().person("hasty@signup.example"), "test");
        for (int i = 0; i < 5; i++) {
            assertThat(people().post("/businesses/new", hasty, business("Hasty", "x")).statusCode()).isEqualTo(422);
        }
        HttpResponse<String> refused = people().post("/businesses/new", hasty, business("Hasty", "hasty-co"));
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(PLATFORM.tenantBySlug("hasty-co")).isEmpty();

        Session calm = people().signIn(people().person("calm@signup.example"), "test");
        assertThat(People.location(people().post("/businesses/new", calm, business("Calm", "calm-co"))))
                .startsWith("/t/calm-co/");
    }

    @Test
    void theFormAndTheAccountPageSpeakGerman() {
        Session session = people().signIn(people().person("de@signup.example"), "test");
        HttpResponse<String> form = people().get("/businesses/new", session, "; bn_lang=de");
        assertThat(form.body()).contains("<html lang=\"de\"").contains("Unternehmen anlegen")
                .contains("Standardwährung").contains(">Österreich</option>");
        HttpResponse<String> account = people().get("/account", session, "; bn_lang=de");
        assertThat(account.body()).contains("Ihr Konto").contains("Überall abmelden");
    }

    @Test
    void theFormNeedsTheCsrfTokenAndASignedInPerson() {
        Session session = people().signIn(people().person("csrf@signup.example"), "test");
        HttpResponse<String> forged = people().post("/businesses/new", session, business("Forged", "forged-co"),
                null);
        assertThat(forged.statusCode()).isEqualTo(403);
        HttpResponse<String> wrong = people().post("/businesses/new", session, business("Forged", "forged-co"),
                "not-the-token");
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(PLATFORM.tenantBySlug("forged-co")).isEmpty();

        HttpResponse<String> signedOut = people().get("/businesses/new", null);
        assertThat(People.location(signedOut)).isEqualTo("/");
    }
}
