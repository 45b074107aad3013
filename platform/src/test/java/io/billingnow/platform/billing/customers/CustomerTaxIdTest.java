package io.billingnow.platform.billing.customers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.billingnow.platform.identity.auth.Role;
import io.billingnow.platform.testing.TestPlatform;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A customer's tax id rests only as ciphertext; lists, the audit trail and roles without tax data show it masked; the
 * finalized invoice keeps the buyer's and seller's VAT ids in full.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class CustomerTaxIdTest {

    static final TestPlatform platform = new TestPlatform();

    @RegisterExtension
    static final DropwizardAppExtension<?> APP = platform.app();

    private static final String TAX_ID = "DE987654321";

    @Test
    void theTaxIdIsEncryptedAtRestAndMaskedEverywhereItIsShown() throws SQLException {
        var tenant = platform.createTenant("tax-ids", "EUR");
        String key = platform.apiKey(tenant, Role.OWNER);
        JsonNode created = platform.postJson("/v1/customers", key, Map.of("name", "Steuer GmbH", "taxId", TAX_ID), 201);
        String id = created.get("id").asText();
        assertThat(created.get("taxId").asText()).as("an owner may see tax data").isEqualTo(TAX_ID);

        var replaced = TestPlatform.expect(platform.patch("/v1/customers/" + id, key,
                "W/\"" + created.get("version").asInt() + "\"", Map.of("taxId", "DE111222333")), 200);
        assertThat(replaced.get("taxId").asText()).isEqualTo("DE111222333");

        String everything = platform.getJson("/v1/customers", key, 200).toString()
                + platform.getJson("/v1/audit-events?limit=200", key, 200).toString();
        assertThat(everything).doesNotContain(TAX_ID).doesNotContain("DE111222333");

        try (var c = platform.database().superuserConnection();
             var ps = c.prepareStatement("SELECT tax_id_encrypted FROM customers WHERE id = ?::uuid")) {
            ps.setString(1, id);
            try (var rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                byte[] stored = rs.getBytes(1);
                assertThat(stored).isNotEmpty();
                assertThat(stored[0]).as("field ciphertext format version").isEqualTo((byte) 1);
                assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("DE111222333");
            }
        }
    }

    private static JsonNode patch(String path, String key, int version, Object body, int expected) {
        return TestPlatform.expect(platform.patch(path, key, "W/\"" + version + "\"", body), expected);
    }

    @Test
    void updatingWithoutTheTaxIdOrWithItsMaskedValueKeepsItAndNullErasesIt() {
        var tenant = platform.createTenant("tax-id-updates", "EUR");
        String key = platform.apiKey(tenant, Role.OWNER);
        JsonNode created = platform.postJson("/v1/customers", key, Map.of("name", "Keep GmbH", "taxId", TAX_ID), 201);
        String path = "/v1/customers/" + created.get("id").asText();

        JsonNode fetched = platform.getJson(path, key, 200);
        assertThat(fetched.get("taxId").asText()).as("an owner reads the full value").isEqualTo(TAX_ID);

        JsonNode absent = patch(path, key, fetched.get("version").asInt(), Map.of("name", "Keep AG"), 200);
        assertThat(absent.get("taxId").asText()).isEqualTo(TAX_ID);

        JsonNode masked = patch(path, key, absent.get("version").asInt(),
                Map.of("name", "Keep SE", "taxId", "****4321"), 200);
        assertThat(masked.get("taxId").asText()).isEqualTo(TAX_ID);

        JsonNode otherMask = patch(path, key, masked.get("version").asInt(),
                Map.of("name", "Keep SE", "taxId", "****9999"), 400);
        assertThat(otherMask.get("errors").get(0).get("pointer").asText()).isEqualTo("/taxId");

        java.util.Map<String, Object> erase = new java.util.HashMap<>();
        erase.put("name", "Keep SE");
        erase.put("taxId", null);
        JsonNode erased = patch(path, key, masked.get("version").asInt(), erase, 200);
        assertThat(erased.has("taxId") && !erased.get("taxId").isNull()).isFalse();
    }

    @Test
    void aRoleWithoutTaxDataAndEveryListSeeTheTaxIdMasked() {
        var tenant = platform.createTenant("tax-id-roles", "EUR");
        String owner = platform.apiKey(tenant, Role.OWNER);
        String id = platform.postJson("/v1/customers", owner, Map.of("name", "Roles BV", "taxId", TAX_ID), 201)
                .get("id").asText();
        for (Role role : Role.values()) {
            String key = platform.apiKey(tenant, role);
            String shown = platform.getJson("/v1/customers/" + id, key, 200).get("taxId").asText();
            assertThat(shown).as(role.wireName())
                    .isEqualTo(role.allows(io.billingnow.platform.identity.auth.Permission.TAX_IDS_READ) ? TAX_ID : "****4321");
            assertThat(platform.getJson("/v1/customers", key, 200).toString()).as(role.wireName())
                    .doesNotContain(TAX_ID).contains("****4321");
        }
    }

    @Test
    void theFinalizedInvoiceCarriesTheBuyersAndSellersVatIdsInFullSealedAtRest() throws SQLException {
        var tenant = platform.provisionTenant(new io.billingnow.platform.tenancy.TenantDefinition(
                "vat-ids", "Verkauf GmbH", "DE", "EUR", new io.billingnow.platform.tenancy.TenantSettings(
                        null, null, null, null, null, new io.billingnow.platform.tenancy.Seller("Verkauf GmbH", null, "DE123456789", null))),
                new io.billingnow.platform.identity.auth.OperatorCaller("test-fixture", false));
        String owner = platform.apiKey(tenant, Role.OWNER);
        String viewer = platform.apiKey(tenant, Role.VIEWER);
        String customerId = platform.postJson("/v1/customers", owner,
                Map.of("name", "Käufer SARL", "country", "FR", "taxId", "FR40303265045"), 201).get("id").asText();
        String invoiceId = platform.postJson("/v1/invoices", owner, Map.of("customerId", customerId, "lines",
                java.util.List.of(Map.of("description", "Beratung", "quantity", "1", "unitAmount", 10000))), 201)
                .get("id").asText();
        JsonNode finalized = platform.postJson("/v1/invoices/" + invoiceId + "/finalize", owner, Map.of(), 200);
        assertThat(finalized.at("/customer/taxId").asText()).isEqualTo("FR40303265045");
        assertThat(finalized.at("/seller/taxId").asText()).isEqualTo("DE123456789");

        // The customer's tax id changes later: the invoice keeps the one it was issued with.
        JsonNode customer = platform.getJson("/v1/customers/" + customerId, owner, 200);
        patch("/v1/customers/" + customerId, owner, customer.get("version").asInt(),
                Map.of("name", "Käufer SARL", "taxId", "FR99999999999"), 200);

        assertThat(platform.getJson("/v1/invoices/" + invoiceId, owner, 200).at("/customer/taxId").asText())
                .isEqualTo("FR40303265045");
        assertThat(platform.getJson("/v1/invoices/" + invoiceId, viewer, 200).at("/customer/taxId").asText())
                .isEqualTo("****5045");
        assertThat(platform.getJson("/v1/invoices", owner, 200).toString()).doesNotContain("FR40303265045")
                .contains("****5045");

        try (var c = platform.database().superuserConnection();
             var ps = c.prepareStatement("SELECT customer_snapshot::text, customer_tax_id_encrypted FROM invoices"
                     + " WHERE id = ?::uuid")) {
            ps.setString(1, invoiceId);
            try (var rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).contains("****5045").doesNotContain("FR40303265045");
                byte[] stored = rs.getBytes(2);
                assertThat(stored[0]).as("field ciphertext format version").isEqualTo((byte) 1);
                assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("FR40303265045");
            }
        }
    }
}
