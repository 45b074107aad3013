package io.billingnow.platform.tenancy.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.billingnow.platform.testing.CommandLine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TenantsConfigCommandsTest {

    @TempDir
    Path folder;

    @Test
    void validatingTheRepositoryFolderSucceeds() {
        CommandLine.Outcome outcome = CommandLine.run("tenants", "validate",
                TenantFileValidationTest.REPOSITORY_FOLDER.toString());

        assertThat(outcome.succeeded()).isTrue();
        assertThat(outcome.out()).contains("3 tenant file(s) valid");
    }

    @Test
    void validatingAnInvalidFolderPrintsEachProblemAndFails() throws IOException {
        Files.writeString(folder.resolve("shop-one.yml"), "slug: shop-one\nname: One\ncountry: DE\ncurrency: EURO\n");
        Files.writeString(folder.resolve("shop-two.yml"), "slug: shop-2\nname: Two\ncountry: DE\ncurrency: EUR\n"
                + "settings: {paymentTermsDays: -1}\n");
        // Patterns the old tenants-config check let through but numbering could not use: a space, a month alone.
        Files.writeString(folder.resolve("shop-three.yml"), "slug: shop-three\nname: Three\ncountry: JP\n"
                + "currency: JPY\nsettings: {invoiceNumberFormat: \"R E-{SEQ}\", creditNoteNumberFormat: \"{MM}-{SEQ}\"}\n");

        CommandLine.Outcome outcome = CommandLine.run("tenants", "validate", folder.toString());

        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.out()).contains("shop-one.yml: /currency: an ISO 4217 currency code",
                "shop-two.yml: /slug: must match the file name",
                "shop-two.yml: /settings/paymentTermsDays: between 0 and 3650",
                "shop-three.yml: /settings/invoiceNumberFormat: character ' ' is not allowed",
                "shop-three.yml: /settings/creditNoteNumberFormat: {MM} needs {YYYY} or {YY} beside it");
        assertThat(outcome.err()).contains("5 problem(s)").doesNotContain("\tat ");
    }
}
