package io.billingnow.platform.tenancy.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the tenants-config checker accepts and how it names what it refuses. No database involved. */
class TenantFileValidationTest {

    /** The repository's own folder; tests run from the platform module's directory. */
    static final Path REPOSITORY_FOLDER = Path.of("..", "tenants-config");

    @TempDir
    Path folder;

    @Test
    void theSampleTenantsInTheRepositoryAreValid() {
        TenantsConfigFolder.Contents contents = TenantsConfigFolder.read(REPOSITORY_FOLDER);

        assertThat(contents.problems()).isEmpty();
        assertThat(contents.definitions()).containsOnlyKeys("acme-gmbh.yml", "tokyo-trading.yml",
                "manama-supplies.yml");
        assertThat(contents.definitions().get("acme-gmbh.yml").settings().invoiceNumberFormat())
                .isEqualTo("RE-{YYYY}-{SEQ:5}");
        assertThat(contents.definitions().get("manama-supplies.yml").currency()).isEqualTo("BHD");
        assertThat(contents.definitions().get("tokyo-trading.yml").currency()).isEqualTo("JPY");
    }

    @Test
    void aMinimalFileTakesTheDefaultSettings() throws IOException {
        write("tiny.yml", "slug: tiny\nname: Tiny\ncountry: FR\ncurrency: EUR\n");

        var definition = TenantsConfigFolder.readValid(folder).get("tiny.yml");

        assertThat(definition.settings().paymentTermsDays()).isEqualTo(30);
        assertThat(definition.settings().invoiceNumberFormat()).isEqualTo("INV-{YYYY}-{SEQ:5}");
    }

    @Test
    void unknownFieldsAreRejectedAtEveryLevel() throws IOException {
        write("typos.yml", """
                slug: typos
                name: Typos
                country: DE
                currency: EUR
                colour: red
                settings:
                  paymentTermDays: 10
                  seller:
                    legalName: Typos GmbH
                    vatId: DE1
                    address: {line1: Weg 1, city: Bonn, zip: "53111"}
                """);

        assertThat(problems()).containsExactlyInAnyOrder(
                "typos.yml: /colour: unknown field",
                "typos.yml: /settings/paymentTermDays: unknown field",
                "typos.yml: /settings/seller/vatId: unknown field",
                "typos.yml: /settings/seller/address/zip: unknown field");
    }

    @Test
    void theSlugMustMatchTheFileName() throws IOException {
        write("acme.yml", "slug: acme-gmbh\nname: ACME\ncountry: DE\ncurrency: EUR\n");

        assertThat(problems()).containsExactly(
                "acme.yml: /slug: must match the file name: acme.yml must hold slug acme");
    }

    @Test
    void everyInvalidFieldIsNamedWithItsPointer() throws IOException {
        write("broken.yml", """
                slug: broken
                name: ""
                country: XX
                currency: 978
                settings:
                  invoiceNumberFormat: "INV-{YYYY}"
                  creditNoteNumberFormat: "CN-{DD}-{SEQ}"
                  paymentTermsDays: 5000
                  paymentLinkMaxDays: "30"
                  enabledProviders: [stripe, Stripe!, stripe]
                  seller:
                    email: not-an-email
                    address: {line1: Weg 1, country: Germany}
                """);

        assertThat(problems()).containsExactlyInAnyOrder(
                "broken.yml: /name: required, at most 200 characters",
                "broken.yml: /country: an ISO 3166-1 alpha-2 country code",
                "broken.yml: /currency: must be a string (quote it)",
                "broken.yml: /settings/invoiceNumberFormat: must contain exactly one {SEQ} or {SEQ:n} placeholder",
                "broken.yml: /settings/creditNoteNumberFormat: unknown placeholder {DD}: use {YYYY}, {YY}, {MM}, "
                        + "{SEQ} or {SEQ:n} with n from 1 to 12",
                "broken.yml: /settings/paymentTermsDays: between 0 and 3650",
                "broken.yml: /settings/paymentLinkMaxDays: must be a whole number",
                "broken.yml: /settings/enabledProviders/1: a provider id: lowercase letters, digits or hyphens",
                "broken.yml: /settings/enabledProviders/2: listed twice",
                "broken.yml: /settings/seller/legalName: required",
                "broken.yml: /settings/seller/email: an email address",
                "broken.yml: /settings/seller/address/city: required",
                "broken.yml: /settings/seller/address/country: an ISO 3166-1 alpha-2 country code");
    }

    @Test
    void malformedYamlDuplicateKeysAndEmptyFilesAreReported() throws IOException {
        write("bad-yaml.yml", "slug: bad-yaml\nname: [unclosed\n");
        write("twice.yml", "slug: twice\nname: A\nname: B\ncountry: DE\ncurrency: EUR\n");
        write("empty.yml", "");
        write("list.yml", "- slug: list\n");

        List<String> problems = problems();

        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("bad-yaml.yml: /: not valid YAML"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("twice.yml: /: not valid YAML")
                .contains("name"));
        assertThat(problems).contains("empty.yml: /: the file is empty",
                "list.yml: /: must be a mapping of tenant fields");
    }

    @Test
    void aYamlExtensionIsRefusedAndOtherFilesAreIgnored() throws IOException {
        write("shop.yaml", "slug: shop\nname: Shop\ncountry: DE\ncurrency: EUR\n");
        write("README.md", "# not a tenant");
        write("notes.txt", "slug: nope");

        assertThat(problems()).containsExactly("shop.yaml: /: tenant files are named <slug>.yml");
    }

    @Test
    void aFolderThatDoesNotExistIsAProblem() {
        Path missing = folder.resolve("nowhere");
        assertThat(TenantsConfigFolder.read(missing).problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).isEqualTo("is not a folder"));
    }

    @Test
    void theJsonSchemaDescribesExactlyTheFieldsTheCheckerAccepts() throws IOException {
        JsonNode schema = new ObjectMapper().readTree(REPOSITORY_FOLDER.resolve("tenant.schema.json").toFile());
        JsonNode settings = schema.at("/properties/settings");
        JsonNode seller = settings.at("/properties/seller");
        JsonNode address = seller.at("/properties/address");

        assertThat(fields(schema)).isEqualTo(TenantFile.TENANT_FIELDS);
        assertThat(fields(settings)).isEqualTo(TenantFile.SETTINGS_FIELDS);
        assertThat(fields(seller)).isEqualTo(TenantFile.SELLER_FIELDS);
        assertThat(fields(address)).isEqualTo(TenantFile.ADDRESS_FIELDS);
        for (JsonNode object : List.of(schema, settings, seller, address)) {
            assertThat(object.get("additionalProperties").asBoolean(true)).isFalse();
        }
    }

    private static Set<String> fields(JsonNode objectSchema) {
        Set<String> names = new HashSet<>();
        objectSchema.get("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    private List<String> problems() {
        return TenantsConfigFolder.read(folder).problems().stream().map(ConfigProblem::toString).toList();
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(folder.resolve(name), content);
    }
}
