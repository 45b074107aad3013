package io.billingnow.platform.tenancy.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.billingnow.platform.testing.TestDatabase;
import io.billingnow.platform.testing.TestPlatform;
import io.billingnow.platform.testing.TestPostgres;
import io.dropwizard.testing.ConfigOverride;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tenant with a tenants-config file is managed by it: the admin API says so, refuses (409 naming the file) changes
 * to the fields the file sets, and keeps the admin console's changes to the other fields across a restart.
 */
class TenantsConfigOwnershipTest {

    @TempDir
    Path root;

    @Test
    void anAdminChangeToAFieldTheFileLeavesOutSurvivesARestartOnTheSameDatabase() throws Exception {
        Path folder = sampleFolder("acme-gmbh.yml");
        TestDatabase database = TestPostgres.get().newDatabase();

        String tenantId = run(database, folder, platform -> {
            String operator = platform.operatorToken(false);
            JsonNode acme = acme(platform, operator);
            assertThat(acme.get("managedBy").asText()).isEqualTo("tenants-config/acme-gmbh.yml");
            assertThat(acme.get("managedFields")).extracting(JsonNode::asText)
                    .contains("/name", "/settings/invoiceNumberFormat", "/settings/seller")
                    .doesNotContain("/settings/enabledProviders");
            TestPlatform.expect(platform.patch("/admin/v1/tenants/" + acme.get("id").asText(), operator,
                    "W/\"" + acme.get("version").asInt() + "\"", Map.of("settings",
                            Map.of("enabledProviders", List.of("stripe")))), 200);
            return acme.get("id").asText();
        });

        run(database, folder, platform -> {
            JsonNode acme = platform.getJson("/admin/v1/tenants/" + tenantId, platform.operatorToken(true), 200);
            assertThat(acme.get("settings").get("enabledProviders")).extracting(JsonNode::asText)
                    .containsExactly("stripe");
            assertThat(acme.get("settings").get("paymentTermsDays").asInt()).isEqualTo(14);
            return null;
        });
    }

    @Test
    void anAdminChangeToAFieldTheFileSetsIsRefusedNamingTheFileAndTheFileStillWinsAfterARestart() throws Exception {
        Path folder = sampleFolder("acme-gmbh.yml");
        TestDatabase database = TestPostgres.get().newDatabase();

        String tenantId = run(database, folder, platform -> {
            String operator = platform.operatorToken(false);
            JsonNode acme = acme(platform, operator);
            String etag = "W/\"" + acme.get("version").asInt() + "\"";
            var refused = platform.patch("/admin/v1/tenants/" + acme.get("id").asText(), operator, etag,
                    Map.of("name", "Renamed in the console", "settings", Map.of("paymentTermsDays", 60)));
            JsonNode problem = TestPlatform.expect(refused, 409);
            assertThat(problem.get("type").asText()).endsWith("/tenant-managed-by-config");
            assertThat(problem.get("detail").asText()).contains("tenants-config/acme-gmbh.yml");
            assertThat(problem.get("errors")).extracting(e -> e.get("pointer").asText())
                    .containsExactlyInAnyOrder("/name", "/settings/paymentTermsDays");
            // The same value is not a change: an update that leaves the file's fields alone goes through.
            TestPlatform.expect(platform.patch("/admin/v1/tenants/" + acme.get("id").asText(), operator, etag,
                    Map.of("name", "ACME GmbH", "settings", Map.of("enabledProviders", List.of("stripe")))), 200);
            return acme.get("id").asText();
        });

        run(database, folder, platform -> {
            JsonNode acme = platform.getJson("/admin/v1/tenants/" + tenantId, platform.operatorToken(true), 200);
            assertThat(acme.get("name").asText()).isEqualTo("ACME GmbH");
            assertThat(acme.get("settings").get("paymentTermsDays").asInt()).isEqualTo(14);
            assertThat(acme.get("settings").get("enabledProviders")).extracting(JsonNode::asText)
                    .containsExactly("stripe");
            return null;
        });
    }

    @Test
    void aTenantWhoseFileIsRemovedIsNoLongerManagedAndKeepsItsValues() throws Exception {
        Path folder = sampleFolder("acme-gmbh.yml");
        TestDatabase database = TestPostgres.get().newDatabase();
        String tenantId = run(database, folder, platform -> acme(platform, platform.operatorToken(true))
                .get("id").asText());
        Files.delete(folder.resolve("acme-gmbh.yml"));

        run(database, folder, platform -> {
            String operator = platform.operatorToken(false);
            JsonNode acme = platform.getJson("/admin/v1/tenants/" + tenantId, operator, 200);
            assertThat(acme.get("managedBy").isNull()).isTrue();
            assertThat(acme.get("managedFields")).isEmpty();
            assertThat(acme.get("settings").get("paymentTermsDays").asInt()).isEqualTo(14);
            TestPlatform.expect(platform.patch("/admin/v1/tenants/" + tenantId, operator,
                    "W/\"" + acme.get("version").asInt() + "\"", Map.of("name", "ACME Console GmbH")), 200);
            return null;
        });
    }

    private Path sampleFolder(String... samples) throws Exception {
        Path folder = Files.createDirectories(root.resolve("tenants-config"));
        for (String sample : samples) {
            Files.copy(TenantFileValidationTest.REPOSITORY_FOLDER.resolve(sample), folder.resolve(sample));
        }
        return folder;
    }

    private static JsonNode acme(TestPlatform platform, String operator) {
        for (JsonNode tenant : platform.getJson("/admin/v1/tenants", operator, 200).get("data")) {
            if (tenant.get("slug").asText().equals("acme-gmbh")) {
                return tenant;
            }
        }
        throw new AssertionError("acme-gmbh was not created from its file");
    }

    /** Starts the platform on the database with the folder, runs the steps, and stops it: one "boot" of the app. */
    private static <T> T run(TestDatabase database, Path folder, Function<TestPlatform, T> steps) throws Exception {
        TestPlatform platform = new TestPlatform(database,
                ConfigOverride.config("platform.tenantsConfigDir", folder.toString()));
        platform.app().before();
        try {
            return steps.apply(platform);
        } finally {
            platform.app().after();
        }
    }
}
