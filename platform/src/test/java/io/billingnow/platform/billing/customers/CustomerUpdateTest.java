package io.billingnow.platform.billing.customers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.billingnow.platform.identity.auth.Role;
import io.billingnow.platform.testing.TestPlatform;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code PATCH /v1/customers/{id}}: a JSON merge patch changes what it sends and keeps everything else. */
@ExtendWith(DropwizardExtensionsSupport.class)
class CustomerUpdateTest {

    static final TestPlatform platform = new TestPlatform();

    @RegisterExtension
    static final DropwizardAppExtension<?> APP = platform.app();

    static String key;

    @BeforeAll
    static void aTenant() {
        key = platform.apiKey(platform.createTenant("customer-updates", "EUR"), Role.OWNER);
    }

    private static JsonNode aCustomer() {
        return platform.postJson("/v1/customers", key, Map.of("name", "Muster AG", "email", "ap@muster.example",
                "country", "DE", "taxId", "DE123454321", "preferredCurrency", "EUR",
                "address", Map.of("line1", "Weg 1", "city", "Bonn", "postalCode", "53111", "country", "DE"),
                "metadata", Map.of("crm", "42")), 201);
    }

    @Test
    void aPatchOfOneFieldKeepsEveryOtherFieldTheTaxIdIncluded() {
        JsonNode created = aCustomer();

        JsonNode patched = TestPlatform.expect(platform.patch("/v1/customers/" + created.get("id").asText(), key,
                "W/\"1\"", Map.of("email", "invoices@muster.example")), 200);

        assertThat(patched.get("email").asText()).isEqualTo("invoices@muster.example");
        assertThat(patched.get("version").asInt()).isEqualTo(2);
        for (String kept : new String[] {"name", "country", "taxId", "preferredCurrency", "address", "metadata"}) {
            assertThat(patched.get(kept)).as(kept).isEqualTo(created.get(kept));
        }
        assertThat(patched.get("taxId").asText()).as("an owner sees the tax id in full").isEqualTo("DE123454321");
    }

    @Test
    void nullRemovesAnOptionalFieldAndARequiredOneCannotBeRemoved() {
        JsonNode created = aCustomer();
        String id = created.get("id").asText();

        JsonNode withoutEmail = TestPlatform.expect(platform.patch("/v1/customers/" + id, key, "W/\"1\"",
                Collections.singletonMap("email", null)), 200);
        assertThat(withoutEmail.get("email").isNull()).isTrue();
        assertThat(withoutEmail.get("taxId").asText()).as("an owner sees the tax id in full").isEqualTo("DE123454321");

        JsonNode withoutTaxId = TestPlatform.expect(platform.patch("/v1/customers/" + id, key, "W/\"2\"",
                Collections.singletonMap("taxId", null)), 200);
        assertThat(withoutTaxId.get("taxId").isNull()).isTrue();

        var noName = platform.patch("/v1/customers/" + id, key, "W/\"3\"", Collections.singletonMap("name", null));
        assertThat(TestPlatform.expect(noName, 400).get("errors").get(0).get("pointer").asText()).isEqualTo("/name");
        var unknown = platform.patch("/v1/customers/" + id, key, "W/\"3\"", Map.of("nickname", "M"));
        assertThat(TestPlatform.expect(unknown, 400).get("errors").get(0).get("pointer").asText())
                .isEqualTo("/nickname");
        assertThat(platform.getJson("/v1/customers/" + id, key, 200).get("version").asInt()).isEqualTo(3);
    }

    @Test
    void aCustomersPreferredLanguageIsOneBillingNowSpeaksAndCanBeChangedOrRemoved() {
        JsonNode created = platform.postJson("/v1/customers", key, Map.of("name", "Sprache GmbH",
                "preferredLanguage", "de"), 201);
        String id = created.get("id").asText();
        assertThat(created.get("preferredLanguage").asText()).isEqualTo("de");
        assertThat(platform.getJson("/v1/customers/" + id, key, 200).get("preferredLanguage").asText())
                .isEqualTo("de");

        for (String refused : new String[] {"fr", "DE", "deu", ""}) {
            var response = platform.post("/v1/customers", key, Map.of("name", "X", "preferredLanguage", refused));
            assertThat(TestPlatform.expect(response, 400).get("errors").get(0).get("pointer").asText())
                    .as(refused).isEqualTo("/preferredLanguage");
        }
        var unknown = platform.patch("/v1/customers/" + id, key, "W/\"1\"", Map.of("preferredLanguage", "xx"));
        assertThat(TestPlatform.expect(unknown, 400).get("errors").get(0).get("pointer").asText())
                .isEqualTo("/preferredLanguage");

        JsonNode english = TestPlatform.expect(platform.patch("/v1/customers/" + id, key, "W/\"1\"",
                Map.of("preferredLanguage", "en")), 200);
        assertThat(english.get("preferredLanguage").asText()).isEqualTo("en");
        JsonNode none = TestPlatform.expect(platform.patch("/v1/customers/" + id, key, "W/\"2\"",
                Collections.singletonMap("preferredLanguage", null)), 200);
        assertThat(none.get("preferredLanguage").isNull()).isTrue();
    }

    @Test
    void anUpdateNeedsTheCurrentETagAndPutIsGone() {
        String id = aCustomer().get("id").asText();

        assertThat(platform.patch("/v1/customers/" + id, key, null, Map.of("name", "X")).getStatus()).isEqualTo(428);
        assertThat(platform.patch("/v1/customers/" + id, key, "W/\"7\"", Map.of("name", "X")).getStatus())
                .isEqualTo(412);
        assertThat(TestPlatform.buffered(platform.request("/v1/customers/" + id, key).header("If-Match", "W/\"1\"")
                .put(Entity.json(Map.of("name", "X")))).getStatus()).isEqualTo(405);
        assertThat(platform.getJson("/v1/customers/" + id, key, 200).get("name").asText()).isEqualTo("Muster AG");
    }
}
