package io.billingnow.platform.web.apikeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.billingnow.platform.identity.auth.Role;
import io.billingnow.platform.testing.TenantFixture;
import io.billingnow.platform.testing.TestPlatform;
import io.billingnow.platform.web.WebClient;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The API keys page over real HTTP: who may open it and post its forms (docs/permissions.md: owners, admins,
 * developers), the secret shown on the creation page only (and working there), the owner-key rule, escaping, and
 * another business's key answering 404 and staying valid.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ApiKeysPagesTest {

    private static final TestPlatform PLATFORM = new TestPlatform(ConfigOverride.config("signIn.devLogin", "true"));

    @RegisterExtension
    static final DropwizardAppExtension<?> APP = PLATFORM.app();

    /** docs/permissions.md, api_keys_manage. */
    private static final Set<Role> MAY_MANAGE_KEYS = EnumSet.of(Role.OWNER, Role.ADMIN, Role.DEVELOPER);
    private static final Pattern SECRET = Pattern.compile("id=\"api-key-secret\" class=\"secret\" value=\"([^\"]+)\"");

    private static final WebClient WEB = new WebClient(PLATFORM);
    private static final Map<Role, String> SESSIONS = new EnumMap<>(Role.class);
    private static TenantFixture acme;
    private static TenantFixture other;

    @BeforeAll
    static void businessesAndOneMemberPerRole() {
        other = TenantFixture.create(PLATFORM, "keys-other", "EUR");
        acme = TenantFixture.create(PLATFORM, "keys-web", "EUR");
        for (Role role : Role.values()) {
            SESSIONS.put(role, WEB.member(role.wireName() + "@keys.example", role, acme.key()));
        }
    }

    @Test
    void onlyOwnersAdminsAndDevelopersOpenTheKeysAndTheServerRefusesEveryoneElsesForms() {
        JsonNode target = PLATFORM.postJson("/v1/api-keys", acme.key(), Map.of("name", "target", "role", "viewer"),
                201);
        String targetId = target.get("key").get("id").asText();
        int keysBefore = keys(acme).size();
        for (Role role : Role.values()) {
            String session = SESSIONS.get(role);
            int page = WEB.get("/t/keys-web/api-keys", session).statusCode();
            if (MAY_MANAGE_KEYS.contains(role)) {
                assertThat(page).as(role + " opens the API keys").isEqualTo(200);
                continue;
            }
            assertThat(page).as(role + " opens the API keys").isEqualTo(403);
            assertThat(WEB.post("/t/keys-web/api-keys", session, Map.of("name", "by " + role, "role", "viewer"))
                    .statusCode()).as(role + " creates a key").isEqualTo(403);
            assertThat(WEB.post("/t/keys-web/api-keys/" + targetId + "/revoke", session).statusCode())
                    .as(role + " revokes a key").isEqualTo(403);
        }
        assertThat(keys(acme)).hasSize(keysBefore);
        assertThat(PLATFORM.get("/v1/customers", target.get("secret").asText()).getStatus()).isEqualTo(200);
    }

    @Test
    void theSecretIsShownOnceOnTheCreationPageAndNeverAgain() {
        String developer = SESSIONS.get(Role.DEVELOPER);
        HttpResponse<String> created = WEB.post("/t/keys-web/api-keys", developer,
                Map.of("name", "Deploy bot", "role", "developer", "expires", ""));
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(created.headers().firstValue("Location")).isEmpty();
        Matcher shown = SECRET.matcher(created.body());
        assertThat(shown.find()).as("the creation page shows the secret").isTrue();
        String secret = shown.group(1);
        assertThat(secret).startsWith("bnk_");
        // It is the real key: the API answers it with the developer role.
        assertThat(PLATFORM.get("/v1/customers", secret).getStatus()).isEqualTo(200);
        assertThat(PLATFORM.get("/v1/members", secret).getStatus()).isEqualTo(403);
        JsonNode key = keys(acme).stream().filter(k -> k.get("name").asText().equals("Deploy bot")).findFirst()
                .orElseThrow();

        for (String path : List.of("/t/keys-web/api-keys", "/t/keys-web/api-keys?notice=api_keys_revoked",
                "/t/keys-web/", "/t/keys-web/team", "/t/keys-web/audit", "/t/keys-web/audit/verify")) {
            HttpResponse<String> later = WEB.get(path, SESSIONS.get(Role.OWNER));
            assertThat(later.statusCode()).as(path).isEqualTo(200);
            assertThat(later.body()).as(path).doesNotContain(secret).doesNotContain(secret.substring(12));
        }
        String list = WEB.get("/t/keys-web/api-keys", developer).body();
        assertThat(list).contains("Deploy bot").contains(key.get("prefix").asText()).doesNotContain(secret);

        HttpResponse<String> revoked = WEB.post("/t/keys-web/api-keys/" + key.get("id").asText() + "/revoke",
                developer);
        assertThat(revoked.statusCode()).isEqualTo(303);
        assertThat(WebClient.location(revoked)).isEqualTo("/t/keys-web/api-keys?notice=api_keys_revoked");
        assertThat(WEB.get(WebClient.location(revoked), developer).body()).contains("API key revoked.")
                .doesNotContain(secret);
        assertThat(PLATFORM.get("/v1/customers", secret).getStatus()).isEqualTo(401);
    }

    @Test
    void onlyAnOwnerCreatesAnOwnerKeyAndTheFormSaysWhyKeepingTheName() {
        int before = keys(acme).size();
        HttpResponse<String> refused = WEB.post("/t/keys-web/api-keys", SESSIONS.get(Role.ADMIN),
                Map.of("name", "Admin wants owner", "role", "owner"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("Only an owner can create an owner key")
                .contains("value=\"Admin wants owner\"").contains("<option value=\"owner\" selected>")
                .doesNotContain("api-key-secret");
        assertThat(keys(acme)).hasSize(before);

        HttpResponse<String> byOwner = WEB.post("/t/keys-web/api-keys", SESSIONS.get(Role.OWNER),
                Map.of("name", "Owner key", "role", "owner"));
        assertThat(byOwner.statusCode()).isEqualTo(200);
        assertThat(keys(acme)).anyMatch(k -> k.get("name").asText().equals("Owner key")
                && k.get("role").asText().equals("owner"));
    }

    @Test
    void invalidFieldsAreShownAtTheirFields() {
        String owner = SESSIONS.get(Role.OWNER);
        HttpResponse<String> blank = WEB.post("/t/keys-web/api-keys", owner, Map.of("name", " ", "role", "viewer"));
        assertThat(blank.statusCode()).isEqualTo(422);
        assertThat(blank.body()).contains("id=\"key-name-error\">required, at most 200 characters");
        HttpResponse<String> past = WEB.post("/t/keys-web/api-keys", owner, Map.of("name", "Old", "role", "viewer",
                "expires", LocalDate.now().minusDays(1).toString()));
        assertThat(past.statusCode()).isEqualTo(422);
        assertThat(past.body()).contains("id=\"key-expires-error\">must be in the future");
        HttpResponse<String> notADate = WEB.post("/t/keys-web/api-keys", owner, Map.of("name", "Odd",
                "role", "viewer", "expires", "soon"));
        assertThat(notADate.statusCode()).isEqualTo(422);
        assertThat(notADate.body()).contains("id=\"key-expires-error\">a date (YYYY-MM-DD)");
        HttpResponse<String> noRole = WEB.post("/t/keys-web/api-keys", owner, Map.of("name", "Odd", "role", "root"));
        assertThat(noRole.statusCode()).isEqualTo(422);
        assertThat(noRole.body()).contains("unknown role");
        assertThat(keys(acme)).noneMatch(k -> List.of("Old", "Odd").contains(k.get("name").asText()));
    }

    @Test
    void aKeyNamedScriptRendersAsTextOnTheCreationPageAndInTheList() {
        String owner = SESSIONS.get(Role.OWNER);
        HttpResponse<String> created = WEB.post("/t/keys-web/api-keys", owner,
                Map.of("name", "<script>alert(1)</script>", "role", "viewer"));
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert");
        assertThat(WEB.get("/t/keys-web/api-keys", owner).body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>alert");
    }

    @Test
    void anotherBusinessesKeyAnswers404AndStaysValid() {
        JsonNode foreign = PLATFORM.postJson("/v1/api-keys", other.key(), Map.of("name", "other's robot",
                "role", "viewer"), 201);
        HttpResponse<String> refused = WEB.post("/t/keys-web/api-keys/" + foreign.get("key").get("id").asText()
                + "/revoke", SESSIONS.get(Role.OWNER));
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(refused.body()).doesNotContain("other's robot").doesNotContain("other&#39;s robot");
        assertThat(PLATFORM.get("/v1/customers", foreign.get("secret").asText()).getStatus()).isEqualTo(200);
        assertThat(WEB.get("/t/keys-web/api-keys", SESSIONS.get(Role.OWNER)).body()).doesNotContain("robot");
    }

    private static List<JsonNode> keys(TenantFixture tenant) {
        List<JsonNode> keys = new java.util.ArrayList<>();
        PLATFORM.getJson("/v1/api-keys", tenant.key(), 200).get("data").forEach(keys::add);
        return keys;
    }
}
