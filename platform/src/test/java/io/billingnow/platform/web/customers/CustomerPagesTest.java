package io.billingnow.platform.web.customers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.billingnow.platform.testing.TenantFixture;
import io.billingnow.platform.testing.TestPlatform;
import io.billingnow.platform.web.PageClient;
import io.billingnow.platform.web.shell.WebResponses;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The customers pages over real HTTP: the form creates and edits through the API's own rules (validation, If-Match,
 * masked tax ids), a viewer gets no buttons and is refused anyway, names are escaped, and another business's
 * customers cannot be read or changed through any page or form.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class CustomerPagesTest {

    private static final TestPlatform PLATFORM = new TestPlatform(ConfigOverride.config("signIn.devLogin", "true"));

    @RegisterExtension
    static final DropwizardAppExtension<?> APP = PLATFORM.app();

    private static TenantFixture acme;
    private static TenantFixture other;
    private static PageClient owner;
    private static PageClient viewer;
    private static PageClient accountant;
    private static String othersCustomer;

    @BeforeAll
    static void aBusinessWithAnOwnerAViewerAndAnAccountantAndABusinessTheyDoNotBelongTo() {
        acme = TenantFixture.create(PLATFORM, "acme-cust", "EUR");
        owner = PageClient.signIn(PLATFORM, "owner@cust.example");
        viewer = PageClient.withRole(PLATFORM, acme, "viewer@cust.example", "viewer");
        accountant = PageClient.withRole(PLATFORM, acme, "accountant@cust.example", "accountant");
        // Created after everyone signed in: none of them is a member.
        other = TenantFixture.create(PLATFORM, "other-cust", "EUR");
        othersCustomer = PLATFORM.postJson("/v1/customers", other.key(), Map.of("name", "Secret Customer Ltd",
                "email", "secret@other.example"), 201).get("id").asText();
    }

    private static Map<String, String> form(String... pairs) {
        Map<String, String> form = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.put(pairs[i], pairs[i + 1]);
        }
        return form;
    }

    private static String createdId(HttpResponse<String> created) {
        String location = PageClient.location(created);
        assertThat(location).startsWith("/t/acme-cust/customers/").endsWith("?notice=customer_created");
        return location.substring("/t/acme-cust/customers/".length(), location.indexOf('?'));
    }

    @Test
    void theFormCreatesACustomerAsTheApiWouldAndTheSearchFindsItByEmail() {
        HttpResponse<String> created = owner.post("/t/acme-cust/customers", form("name", "Muster GmbH",
                "email", "buchhaltung@muster.example", "taxId", "DE123456789", "country", "de",
                "preferredCurrency", "eur", "preferredLanguage", "DE", "address_line1", "Hauptstraße 1",
                "address_postalCode", "10115",
                "address_city", "Berlin", "address_country", "DE"));
        String id = createdId(created);

        JsonNode stored = PLATFORM.getJson("/v1/customers/" + id, acme.key(), 200);
        assertThat(stored.get("name").asText()).isEqualTo("Muster GmbH");
        assertThat(stored.get("country").asText()).isEqualTo("DE");
        assertThat(stored.get("preferredCurrency").asText()).isEqualTo("EUR");
        assertThat(stored.get("preferredLanguage").asText()).isEqualTo("de");
        assertThat(stored.get("taxId").asText()).isEqualTo("DE123456789");
        assertThat(stored.get("address").get("city").asText()).isEqualTo("Berlin");
        assertThat(stored.has("email") && stored.get("email").asText().equals("buchhaltung@muster.example")).isTrue();

        HttpResponse<String> page = owner.get("/t/acme-cust/customers/" + id + "?notice=customer_created");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Customer created.").contains("value=\"Hauptstraße 1\"")
                .contains("id=\"preferredLanguage\" name=\"preferredLanguage\" type=\"text\" value=\"de\"")
                .contains("name=\"version\" value=\"" + stored.get("version").asInt() + "\"");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(WebResponses.CONTENT_SECURITY_POLICY);

        HttpResponse<String> found = owner.get("/t/acme-cust/customers?email=BUCHHALTUNG%40muster.example");
        assertThat(found.body()).contains("href=\"/t/acme-cust/customers/" + id + "\">Muster GmbH</a>")
                .doesNotContain("Customer of acme-cust");
        HttpResponse<String> notFound = owner.get("/t/acme-cust/customers?email=nobody%40muster.example");
        assertThat(notFound.body()).contains("id=\"customers-empty\"").doesNotContain("Muster GmbH");
    }

    @Test
    void aRefusedFormComesBackWithTheApisWordsAndWhatWasTypedAndStoresNothing() {
        int before = PLATFORM.getJson("/v1/customers?limit=200", acme.key(), 200).get("data").size();
        HttpResponse<String> refused = owner.post("/t/acme-cust/customers", form("name", " ",
                "email", "not-an-email", "country", "Germany", "address_city", "Kept City"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"form-error\"")
                .contains("id=\"name\" name=\"name\" type=\"text\" value=\"\" required aria-required=\"true\" aria-invalid=\"true\"")
                .contains("id=\"email-error\"").contains("id=\"country-error\"").contains("value=\"Kept City\"");
        assertThat(PLATFORM.getJson("/v1/customers?limit=200", acme.key(), 200).get("data").size()).isEqualTo(before);
    }

    @Test
    void anEditGoesThroughTheApisIfMatchAndKeepsAMaskedTaxIdSentBackUnchanged() {
        String id = PLATFORM.postJson("/v1/customers", acme.key(), Map.of("name", "Edit Me", "taxId", "ATU99999999"),
                201).get("id").asText();
        int version = PLATFORM.getJson("/v1/customers/" + id, acme.key(), 200).get("version").asInt();

        HttpResponse<String> stale = owner.post("/t/acme-cust/customers/" + id, form("version",
                Integer.toString(version - 1), "name", "Overwritten", "taxId", "ATU99999999"));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("value=\"Overwritten\"")
                .contains("name=\"version\" value=\"" + version + "\"");
        assertThat(PLATFORM.getJson("/v1/customers/" + id, acme.key(), 200).get("name").asText()).isEqualTo("Edit Me");

        HttpResponse<String> noVersion = owner.post("/t/acme-cust/customers/" + id, form("name", "No Version"));
        assertThat(noVersion.statusCode()).isEqualTo(409);

        // A viewer sees the tax id masked; an accountant sending that masked value back keeps the stored one.
        assertThat(viewer.get("/t/acme-cust/customers/" + id).body()).contains("****9999")
                .doesNotContain("ATU99999999");
        HttpResponse<String> saved = accountant.post("/t/acme-cust/customers/" + id, form("version",
                Integer.toString(version), "name", "Edited", "taxId", "****9999", "preferredCurrency", "CHF"));
        assertThat(PageClient.location(saved)).isEqualTo("/t/acme-cust/customers/" + id + "?notice=customer_saved");
        JsonNode after = PLATFORM.getJson("/v1/customers/" + id, acme.key(), 200);
        assertThat(after.get("name").asText()).isEqualTo("Edited");
        assertThat(after.get("preferredCurrency").asText()).isEqualTo("CHF");
        assertThat(after.get("taxId").asText()).isEqualTo("ATU99999999");
        assertThat(after.get("version").asInt()).isEqualTo(version + 1);
    }

    @Test
    void aViewerSeesNoCreateOrEditButtonsAndTheServerRefusesTheFormsAnyway() {
        String id = acme.customerId();
        HttpResponse<String> list = viewer.get("/t/acme-cust/customers");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("Customer of acme-cust").doesNotContain("id=\"new-customer\"");
        HttpResponse<String> one = viewer.get("/t/acme-cust/customers/" + id);
        assertThat(one.body()).contains("id=\"customer-facts\"").doesNotContain("<form class=\"card customer-form\"");

        assertThat(viewer.get("/t/acme-cust/customers/new").statusCode()).isEqualTo(403);
        assertThat(viewer.post("/t/acme-cust/customers", form("name", "By A Viewer")).statusCode()).isEqualTo(403);
        assertThat(viewer.post("/t/acme-cust/customers/" + id, form("version", "1", "name", "Renamed By Viewer"))
                .statusCode()).isEqualTo(403);
        assertThat(PLATFORM.getJson("/v1/customers/" + id, acme.key(), 200).get("name").asText())
                .isEqualTo("Customer of acme-cust");

        assertThat(accountant.get("/t/acme-cust/customers").body()).contains("id=\"new-customer\"");
        createdId(accountant.post("/t/acme-cust/customers", form("name", "By An Accountant")));
    }

    @Test
    void aFormWithoutTheSessionsCsrfFieldIsRefused() {
        assertThat(owner.postRaw("/t/acme-cust/customers", "name=No+Csrf").statusCode()).isEqualTo(403);
        assertThat(owner.postRaw("/t/acme-cust/customers", "name=Wrong+Csrf&_csrf=wrong").statusCode())
                .isEqualTo(403);
        assertThat(PLATFORM.getJson("/v1/customers?limit=200", acme.key(), 200).toString()).doesNotContain("Csrf");
    }

    @Test
    void aCustomerNamedScriptRendersAsTextInTheListAndOnItsPage() {
        String id = PLATFORM.postJson("/v1/customers", acme.key(), Map.of("name", "<script>alert(1)</script>",
                "email", "xss@cust.example"), 201).get("id").asText();
        HttpResponse<String> list = owner.get("/t/acme-cust/customers?email=xss%40cust.example");
        HttpResponse<String> page = viewer.get("/t/acme-cust/customers/" + id);
        for (HttpResponse<String> response : java.util.List.of(list, page)) {
            assertThat(response.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                    .doesNotContain("<script>alert(1)");
        }
        assertThat(owner.get("/t/acme-cust/customers/" + id).body())
                .contains("value=\"&lt;script&gt;alert(1)&lt;/script&gt;\"");
    }

    @Test
    void anotherBusinessesCustomerCannotBeReadOrChangedThroughAnyPageOrForm() {
        HttpResponse<String> read = owner.get("/t/acme-cust/customers/" + othersCustomer);
        assertThat(read.statusCode()).isEqualTo(404);
        HttpResponse<String> change = owner.post("/t/acme-cust/customers/" + othersCustomer, form("version", "1",
                "name", "Taken Over"));
        assertThat(change.statusCode()).isEqualTo(404);
        HttpResponse<String> invoicesOfIt = owner.get("/t/acme-cust/invoices?customer=" + othersCustomer);
        assertThat(invoicesOfIt.statusCode()).isEqualTo(404);
        for (HttpResponse<String> response : java.util.List.of(read, change, invoicesOfIt)) {
            assertThat(response.body()).doesNotContain("Secret Customer").doesNotContain("secret@other.example");
        }

        // Its own pages: not a member, so 403 whatever the form says.
        assertThat(owner.get("/t/other-cust/customers").statusCode()).isEqualTo(403);
        assertThat(owner.get("/t/other-cust/customers/" + othersCustomer).statusCode()).isEqualTo(403);
        assertThat(owner.post("/t/other-cust/customers/" + othersCustomer, form("version", "1", "name",
                "Taken Over")).statusCode()).isEqualTo(403);
        assertThat(owner.post("/t/other-cust/customers", form("name", "Planted")).statusCode()).isEqualTo(403);
        JsonNode stored = PLATFORM.getJson("/v1/customers/" + othersCustomer, other.key(), 200);
        assertThat(stored.get("name").asText()).isEqualTo("Secret Customer Ltd");
        assertThat(PLATFORM.getJson("/v1/customers?limit=200", other.key(), 200).toString()).doesNotContain("Planted");
    }

    @Test
    void theListPagesWithTheApisCursor() {
        TenantFixture many = TenantFixture.create(PLATFORM, "many-cust", "EUR");
        for (int i = 0; i < CustomerPagesResource.PAGE_SIZE; i++) {
            PLATFORM.postJson("/v1/customers", many.key(), Map.of("name", "Paged " + i), 201);
        }
        PageClient person = PageClient.signIn(PLATFORM, "pager@cust.example");
        HttpResponse<String> first = person.get("/t/many-cust/customers");
        assertThat(first.body()).contains("Customer of many-cust").doesNotContain("Paged " + (CustomerPagesResource.PAGE_SIZE - 1) + "<");
        String next = first.body().replaceAll("(?s).*id=\"next-page\" href=\"([^\"]+)\".*", "$1").replace("&#61;", "=").replace("&amp;", "&");
        HttpResponse<String> second = person.get(next);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).contains("Paged " + (CustomerPagesResource.PAGE_SIZE - 1) + "<")
                .doesNotContain("id=\"next-page\"");
    }
}
