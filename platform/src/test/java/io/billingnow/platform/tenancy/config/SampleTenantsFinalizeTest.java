package io.billingnow.platform.tenancy.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.billingnow.platform.identity.auth.Role;
import io.billingnow.platform.tenancy.Tenant;
import io.billingnow.platform.testing.TestPlatform;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every sample tenant in the repository's tenants-config folder, loaded at startup, can invoice: a draft in its own
 * currency is finalized over HTTP and numbered by its own pattern. The files are discovered, not listed, so a new
 * sample is covered the moment it is added.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SampleTenantsFinalizeTest {

    static final TestPlatform platform = new TestPlatform(ConfigOverride.config("platform.tenantsConfigDir",
            TenantFileValidationTest.REPOSITORY_FOLDER.toAbsolutePath().toString()));

    @RegisterExtension
    static final DropwizardAppExtension<?> APP = platform.app();

    static Stream<String> sampleFiles() throws IOException {
        try (Stream<Path> files = Files.list(TenantFileValidationTest.REPOSITORY_FOLDER)) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yml")).sorted()
                    .toList();
            assertThat(names).isNotEmpty();
            return names.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sampleFiles")
    void everySampleTenantFinalizesAnInvoiceNumberedByItsOwnPattern(String file) {
        String slug = file.substring(0, file.length() - ".yml".length());
        Tenant tenant = platform.tenantBySlug(slug).orElseThrow();
        String pattern = tenant.settings().invoiceNumberFormat();
        String key = platform.apiKey(tenant, Role.OWNER);
        String customer = platform.postJson("/v1/customers", key, Map.of("name", "Buyer of " + slug), 201)
                .get("id").asText();
        LocalDate issueDate = LocalDate.of(2026, 12, 3);

        JsonNode first = finalizeOne(key, customer, issueDate);
        JsonNode second = finalizeOne(key, customer, issueDate);

        assertThat(first.get("status").asText()).isEqualTo("open");
        assertThat(first.get("currency").asText()).isEqualTo(tenant.defaultCurrency());
        assertThat(first.get("seller").get("legalName").asText()).isNotEmpty();
        assertThat(first.get("number").asText()).isEqualTo(expected(pattern, issueDate, 1));
        assertThat(second.get("number").asText()).isEqualTo(expected(pattern, issueDate, 2));
    }

    private static JsonNode finalizeOne(String key, String customer, LocalDate issueDate) {
        String draft = platform.postJson("/v1/invoices", key, Map.of("customerId", customer,
                "issueDate", issueDate.toString(), "lines",
                List.of(Map.of("description", "Sample work", "quantity", "2", "unitAmount", 1500))), 201)
                .get("id").asText();
        return platform.postJson("/v1/invoices/" + draft + "/finalize", key, Map.of(), 200);
    }

    /** The pattern with its tokens written out by hand, independently of the code under test. */
    private static String expected(String pattern, LocalDate date, long counter) {
        String number = pattern.replace("{YYYY}", String.valueOf(date.getYear()))
                .replace("{YY}", String.format("%02d", date.getYear() % 100))
                .replace("{MM}", String.format("%02d", date.getMonthValue()))
                .replace("{SEQ}", String.valueOf(counter));
        java.util.regex.Matcher seq = java.util.regex.Pattern.compile("\\{SEQ:(\\d+)}").matcher(number);
        return seq.find() ? seq.replaceFirst(String.format("%0" + seq.group(1) + "d", counter)) : number;
    }
}
