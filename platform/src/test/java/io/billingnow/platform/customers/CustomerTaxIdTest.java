package io.billingnow.platform.customers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.billingnow.platform.auth.Role;
import io.billingnow.platform.testing.TestPlatform;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A customer's tax id rests only as ciphertext; the API, lists and audit trail show it masked. */
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
        assertThat(created.get("taxId").asText()).isEqualTo("****4321");

        var replaced = TestPlatform.expect(platform.patch("/v1/customers/" + id, key,
                "W/\"" + created.get("version").asInt() + "\"", Map.of("taxId", "DE111222333")), 200);
        assertThat(replaced.get("taxId").asText()).isEqualTo("****2333");

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
}
