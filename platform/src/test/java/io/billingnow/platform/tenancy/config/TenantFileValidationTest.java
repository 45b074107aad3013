package io.billingnow.platform.tenancy.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the tenants-config checker accepts and how it names what it refuses. No database involved. */
class TenantFileValidationTest {

    /** The repository's own folder; tests run from the platform module's directory. */
    static final Path REPOSITORY_FOLDER = Path.of("..", "tenants-config");

    @TempDir
    Path folder;

    @Test
    void theSampleTenantsInTheRepositoryAreValid() throws IOException {
        TenantsConfigFolder.Contents contents = TenantsConfigFolder.read(REPOSITORY_FOLDER);

        assertThat(contents.problems()).isEmpty();
        List<String> files;
        try (var entries = Files.list(REPOSITORY_FOLDER)) {
            files = entries.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yml")).toList();
        }
        assertThat(files).isNotEmpty();
        assertThat(contents.definitions()).containsOnlyKeys(files);
        assertThat(contents.definitions().get("acme-gmbh.yml").settings().invoiceNumberFormat())
                .isEqualTo("RE-{YYYY}-{SEQ:5}");
        assertThat(contents.definitions().get("tokyo-trading.yml").settings().invoiceNumberFormat())
                .isEqualTo("TT-{YY}{MM}-{SEQ:4}");
    }

    @Test
    void aMinimalFileTakesTheDefaultSettings() throws IOException {
        write("tiny.yml", "slug: tiny\nname: Tiny\ncountry: FR\ncurrency: EUR\n");

        var definition = TenantsConfigFolder.readValid(folder).definitions().get("tiny.yml");

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
                currency: EURO
                settings:
                  invoiceNumberFormat: "INV-{YYYY}"
                  creditNoteNumberFormat: "CN-{DD}-{SEQ}"
                  paymentTermsDays: 5000
                  paymentLinkMaxDays: 0
                  enabledProviders: [stripe, Stripe!, stripe]
                  seller:
                    email: not-an-email
                    address: {line1: Weg 1, country: Germany}
                """);

        assertThat(problems()).containsExactlyInAnyOrder(
                "broken.yml: /name: 1 to 200 characters",
                "broken.yml: /country: an ISO 3166-1 alpha-2 country code",
                "broken.yml: /currency: an ISO 4217 currency code",
                "broken.yml: /settings/invoiceNumberFormat: needs exactly one {SEQ} or {SEQ:n} token",
                "broken.yml: /settings/creditNoteNumberFormat: unknown token; known tokens are {YYYY}, {YY}, {MM}, "
                        + "{SEQ} and {SEQ:n} (at character 4)",
                "broken.yml: /settings/paymentTermsDays: between 0 and 3650",
                "broken.yml: /settings/paymentLinkMaxDays: between 1 and 365",
                "broken.yml: /settings/enabledProviders/1: a provider id: lowercase letters, digits or hyphens",
                "broken.yml: /settings/enabledProviders/2: listed twice",
                "broken.yml: /settings/seller/legalName: required",
                "broken.yml: /settings/seller/email: an email address",
                "broken.yml: /settings/seller/address/city: required",
                "broken.yml: /settings/seller/address/country: an ISO 3166-1 alpha-2 country code");
    }

    @Test
    void valuesOfTheWrongTypeAreNamedAndNeverCoerced() throws IOException {
        write("numbers.yml", "slug: numbers\nname: N\ncountry: DE\ncurrency: 978\n");
        write("quoted.yml", "slug: quoted\nname: Q\ncountry: DE\ncurrency: EUR\nsettings: {paymentTermsDays: \"30\"}\n");
        write("pattern.yml", "slug: pattern\nname: P\ncountry: DE\ncurrency: EUR\n"
                + "settings: {invoiceNumberFormat: 12345}\n");
        write("seller.yml", "slug: seller\nname: S\ncountry: DE\ncurrency: EUR\n"
                + "settings: {seller: {legalName: {evil: [1, 2]}}}\n");
        write("postcode.yml", "slug: postcode\nname: P\ncountry: DE\ncurrency: EUR\n"
                + "settings: {seller: {legalName: P, address: {line1: Weg 1, city: Bonn, postalCode: 53111}}}\n");

        assertThat(problems()).containsExactlyInAnyOrder(
                "numbers.yml: /currency: must be a string (in YAML, quote it)",
                "quoted.yml: /settings/paymentTermsDays: must be a whole number",
                "pattern.yml: /settings/invoiceNumberFormat: must be a string (in YAML, quote it)",
                "seller.yml: /settings/seller/legalName: must be a string (in YAML, quote it)",
                "postcode.yml: /settings/seller/address/postalCode: must be a string (in YAML, quote it)");
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
                "list.yml: /: must be an object of tenant fields");
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

    private List<String> problems() {
        return TenantsConfigFolder.read(folder).problems().stream().map(ConfigProblem::toString).toList();
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(folder.resolve(name), content);
    }
}
