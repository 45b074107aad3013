package io.billingnow.platform.web.gettingpaid;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.billingnow.platform.core.tx.TenantTransactions;
import io.billingnow.platform.identity.members.MembershipDao;
import io.billingnow.platform.identity.sessions.SessionCookie;
import io.billingnow.platform.providers.plugins.TestPlugins;
import io.billingnow.platform.testing.ExampleBankTransfer;
import io.billingnow.platform.testing.TenantFixture;
import io.billingnow.platform.testing.TestPlatform;
import io.billingnow.platform.web.shell.WebResponses;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The "Getting paid" pages over real HTTP, with the real plugins: the API's permissions for every page and form, the
 * generated form and its refusals, secrets that go in and never come out (not even as the API's last-four hint),
 * hostile labels and values rendered as text, and another business's account answering 404.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class GettingPaidPagesTest {

    /** A plugin whose declared labels are markup: labels come from plugins and are rendered as text. */
    static final String HOSTILE = "hostile-labels";
    static final String HOSTILE_LABEL = "<script>alert('label')</script>";
    private static final String HOSTILE_SOURCE = """
            package test.plugin.hostile;

            import io.billingnow.sdk.*;
            import io.billingnow.sdk.link.*;
            import io.billingnow.sdk.webhook.*;
            import java.util.*;

            public class HostileFactory implements PaymentProviderFactory {
                public ProviderDescriptor descriptor() {
                    return new ProviderDescriptor("%s", "<b>Hostile</b> provider", Set.of(),
                            List.of(CredentialField.optional("note", "%s", false, ".*")), Optional.empty());
                }

                public PaymentProvider create(ProviderContext context) {
                    return new PaymentProvider() {
                        public VerifiedWebhook verifyWebhook(WebhookRequest request) {
                            throw new UnsupportedOperationException();
                        }

                        public PaymentLink createPaymentLink(PaymentLinkRequest request) {
                            throw new UnsupportedOperationException();
                        }
                    };
                }
            }
            """.formatted(HOSTILE, HOSTILE_LABEL.replace("\"", "\\\""));

    static final TestPlatform PLATFORM = new TestPlatform(ConfigOverride.config("signIn.devLogin", "true"),
            ConfigOverride.config("plugins.directory", TestPlugins.withPlugin(TestPlugins.folder(), HOSTILE,
                    Map.of("test/plugin/hostile/HostileFactory.java", HOSTILE_SOURCE)).toString()));

    @RegisterExtension
    static final DropwizardAppExtension<?> APP = PLATFORM.app();

    static final String STRIPE_KEY = "sk_test_51WebPagesNeverShowThisKey4321";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static TenantFixture seller;
    static TenantFixture stranger;
    static JsonNode strangersAccount;
    static final Map<String, Session> SESSIONS = new LinkedHashMap<>();

    /** A signed-in person: the cookies to send and the token every form carries as {@code _csrf}. */
    record Session(String cookies, String csrf) {
        Session withGerman() {
            return new Session(cookies + "; bn_lang=de", csrf);
        }
    }

    @BeforeAll
    static void aSellerWithProvidersAndOnePersonPerRole() throws Exception {
        seller = TenantFixture.create(PLATFORM, "gp-seller", "EUR")
                .enableProvider(ExampleBankTransfer.PROVIDER, true).enableProvider("stripe", true)
                .enableProvider(HOSTILE, true);
        // The dev login makes a person owner of every business there is; each then gets the role named by the address.
        for (String role : List.of("owner", "developer", "accountant", "viewer")) {
            SESSIONS.put(role, devLogin(role + "@gp.example"));
            UUID user = PLATFORM.jdbi().withHandle(h -> h.createQuery("SELECT id FROM users WHERE email = :email")
                    .bind("email", role + "@gp.example").mapTo(UUID.class).one());
            new TenantTransactions(PLATFORM.jdbi()).write(seller.tenant().id(), tx -> tx.dao(MembershipDao.class)
                    .setRole(tx.tenant(), user, role, Instant.now()));
        }
        // Created after the sign-ins: nobody above is a member.
        stranger = TenantFixture.create(PLATFORM, "gp-stranger", "EUR")
                .enableProvider(ExampleBankTransfer.PROVIDER, true);
        strangersAccount = PLATFORM.postJson("/v1/provider-accounts", stranger.key(), Map.of(
                "providerId", ExampleBankTransfer.PROVIDER, "displayName", "Strangers Secret Bank",
                "credentials", Map.of("beneficiary_name", "Stranger AG", "iban", "DE89370400440532013000",
                        "pay_page_base_url", "https://bank.example"),
                "webhookSecret", ExampleBankTransfer.newSecret()), 201);
    }

    // ------------------------------------------------------------------------------------------------- access

    @Test
    void aViewerAndAnAccountantAreRefusedEveryPageAndEveryFormOfProviderAccounts() throws Exception {
        String secret = ExampleBankTransfer.newSecret();
        JsonNode account = PLATFORM.postJson("/v1/provider-accounts", seller.key(),
                ExampleBankTransfer.account(secret), 201);
        String id = account.get("id").asText();
        String secretId = account.get("webhookSecrets").get(0).get("id").asText();
        String section = "/t/gp-seller/getting-paid";

        for (String role : List.of("viewer", "accountant")) {
            Session session = SESSIONS.get(role);
            for (String page : List.of(section, section + "/new?provider=" + ExampleBankTransfer.PROVIDER,
                    section + "/accounts/" + id)) {
                assertThat(get(page, session).statusCode()).as(role + " GET " + page).isEqualTo(403);
            }
            Map<String, String> forms = new LinkedHashMap<>();
            forms.put(section + "/new?provider=" + ExampleBankTransfer.PROVIDER, "displayName=Mine&credential_iban=x");
            forms.put(section + "/accounts/" + id + "/webhook-secrets",
                    "secret=" + ExampleBankTransfer.newSecret() + "&overlapHours=0");
            forms.put(section + "/accounts/" + id + "/webhook-secrets/" + secretId + "/retire", "");
            forms.put(section + "/accounts/" + id + "/delete", "");
            for (var form : forms.entrySet()) {
                assertThat(post(form.getKey(), session, form.getValue()).statusCode())
                        .as(role + " POST " + form.getKey()).isEqualTo(403);
            }
        }
        // Nothing changed.
        JsonNode after = PLATFORM.getJson("/v1/provider-accounts/" + id, seller.key(), 200);
        assertThat(after.get("webhookSecrets")).hasSize(1);
        assertThat(after.get("webhookSecrets").get(0).get("retireAt").isNull()).isTrue();
        for (String role : List.of("developer", "owner")) {
            HttpResponse<String> page = get(section + "/accounts/" + id, SESSIONS.get(role));
            assertThat(page.statusCode()).as(role).isEqualTo(200);
            assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(page.headers().firstValue("Content-Security-Policy"))
                    .hasValue(WebResponses.CONTENT_SECURITY_POLICY);
        }
    }

    @Test
    void theReviewQueueIsOpenToWhoeverMayRecordPaymentsAsInTheApi() throws Exception {
        String queue = "/t/gp-seller/getting-paid/reviews";
        assertThat(get(queue, SESSIONS.get("viewer")).statusCode()).isEqualTo(403);
        assertThat(get(queue, SESSIONS.get("developer")).statusCode()).isEqualTo(403);
        assertThat(get(queue, SESSIONS.get("accountant")).statusCode()).isEqualTo(200);
        assertThat(get(queue, SESSIONS.get("owner")).statusCode()).isEqualTo(200);
        // The link to it is shown only to a role that may open it.
        assertThat(get("/t/gp-seller/getting-paid", SESSIONS.get("owner")).body()).contains("href=\"" + queue + "\"");
        assertThat(get("/t/gp-seller/getting-paid", SESSIONS.get("developer")).body()).doesNotContain(queue);
    }

    // --------------------------------------------------------------------------------------- the generated form

    @Test
    void theFormIsGeneratedFromThePluginsCredentialFieldsWithSecretsAsEmptyPasswordInputs() throws Exception {
        HttpResponse<String> form = get("/t/gp-seller/getting-paid/new?provider=stripe", SESSIONS.get("developer"));
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body())
                .contains("<label for=\"field-credential_secret_key\">Secret API key</label>")
                .contains("<input id=\"field-credential_secret_key\" name=\"credential_secret_key\" "
                        + "type=\"password\" autocomplete=\"new-password\" required>")
                .contains("<input id=\"field-credential_api_base_url\" name=\"credential_api_base_url\" type=\"text\" "
                        + "value=\"\" inputmode=\"url\">")
                .contains("API base URL <span class=\"muted\">(optional)</span>")
                .contains("<input id=\"field-webhookSecret\" name=\"webhookSecret\" type=\"password\"")
                .contains(">Webhook signing secret</label>")
                .contains("name=\"_csrf\" value=\"" + SESSIONS.get("developer").csrf() + "\"");
    }

    @Test
    void aStripeAccountConnectedThroughTheFormNeverShowsItsSecretsNotEvenTheirHints() throws Exception {
        Session developer = SESSIONS.get("developer");
        String webhookSecret = "whsec_WebPagesNeverShowThisSecret9876";
        HttpResponse<String> created = post("/t/gp-seller/getting-paid/new?provider=stripe", developer, form(Map.of(
                "displayName", "Stripe (web)", "credential_secret_key", STRIPE_KEY, "credential_api_base_url", "",
                "webhookSecret", webhookSecret)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(303);
        String location = seeOther(created);
        assertThat(location).startsWith("/t/gp-seller/getting-paid/accounts/")
                .endsWith("?notice=provider_account_created");
        String id = URI.create(location).getPath().substring("/t/gp-seller/getting-paid/accounts/".length());

        // The API stores it (and shows its hints); the pages show neither the secrets nor those hints.
        JsonNode account = PLATFORM.getJson("/v1/provider-accounts/" + id, seller.key(), 200);
        assertThat(account.get("displayName").asText()).isEqualTo("Stripe (web)");
        String keyHint = account.get("credentials").get("secret_key").asText();
        String secretHint = account.get("webhookSecrets").get(0).get("hint").asText();
        assertThat(keyHint).isEqualTo("…4321");
        HttpResponse<String> page = get(location, developer);
        HttpResponse<String> list = get("/t/gp-seller/getting-paid", developer);
        for (HttpResponse<String> html : List.of(created, page, list)) {
            assertThat(html.body()).doesNotContain(STRIPE_KEY).doesNotContain(webhookSecret)
                    .doesNotContain(keyHint).doesNotContain(secretHint).doesNotContain("4321").doesNotContain("9876");
        }
        assertThat(page.body()).contains("Provider account connected.")
                .contains("<dt>Secret API key</dt><dd>stored (not shown)</dd>")
                .contains("<input id=\"webhook-url\" class=\"webhook-url\" type=\"text\" readonly value=\""
                        + account.get("webhookUrl").asText() + "\">");
        assertThat(list.body()).contains(account.get("webhookUrl").asText()).contains(">Stripe (web)</a>");
    }

    @Test
    void aRefusedFormComesBackWithTheApisWordsKeepingWhatWasTypedExceptTheSecret() throws Exception {
        Session owner = SESSIONS.get("owner");
        int before = PLATFORM.getJson("/v1/provider-accounts", seller.key(), 200).get("data").size();
        String typedSecret = ExampleBankTransfer.newSecret();
        HttpResponse<String> refused = post("/t/gp-seller/getting-paid/new?provider=" + ExampleBankTransfer.PROVIDER, owner,
                form(Map.of("displayName", "Bank \"R&D\"", "credential_beneficiary_name", "Müller & Söhne",
                        "credential_iban", "not an iban", "credential_pay_page_base_url", "https://bank.example",
                        "webhookSecret", typedSecret)));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("value=\"Bank &quot;R&amp;D&quot;\"")
                .contains("value=\"Müller &amp; Söhne\"").contains("value=\"not an iban\"")
                .contains("aria-invalid=\"true\" aria-describedby=\"error-field-credential_iban\"")
                .contains("<p class=\"field-error\" id=\"error-field-credential_iban\">does not match the expected "
                        + "format</p>")
                .doesNotContain(typedSecret);
        assertThat(PLATFORM.getJson("/v1/provider-accounts", seller.key(), 200).get("data")).hasSize(before);

        HttpResponse<String> missing = post("/t/gp-seller/getting-paid/new?provider=" + ExampleBankTransfer.PROVIDER, owner,
                form(Map.of("credential_iban", "DE89370400440532013000")));
        assertThat(missing.statusCode()).isEqualTo(422);
        assertThat(missing.body()).contains("<p class=\"field-error\" id=\"error-field-webhookSecret\">required</p>")
                .contains("<p class=\"field-error\" id=\"error-field-credential_beneficiary_name\">required</p>");
    }

    @Test
    void aProviderNotEnabledForTheBusinessHasNoForm() throws Exception {
        HttpResponse<String> page = get("/t/gp-seller/getting-paid/new?provider=adyen", SESSIONS.get("owner"));
        assertThat(page.statusCode()).isEqualTo(422);
        assertThat(get("/t/gp-seller/getting-paid", SESSIONS.get("owner")).body())
                .contains("/t/gp-seller/getting-paid/new?provider=stripe").doesNotContain("provider=adyen");
    }

    @Test
    void hostileLabelsAndValuesRenderAsText() throws Exception {
        Session owner = SESSIONS.get("owner");
        HttpResponse<String> form = get("/t/gp-seller/getting-paid/new?provider=" + HOSTILE, owner);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("&lt;script&gt;alert(&#39;label&#39;)&lt;/script&gt;")
                .contains("&lt;b&gt;Hostile&lt;/b&gt; provider").doesNotContain(HOSTILE_LABEL)
                .doesNotContain("<b>Hostile</b>");

        HttpResponse<String> created = post("/t/gp-seller/getting-paid/new?provider=" + HOSTILE, owner,
                form(Map.of("displayName", "<script>alert(1)</script>", "credential_note", "<img src=x onerror=alert(2)>")));
        assertThat(created.statusCode()).isEqualTo(303);
        HttpResponse<String> page = get(seeOther(created), owner);
        assertThat(page.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("&lt;img src&#61;x onerror&#61;alert(2)&gt;")
                .doesNotContain("<script>alert(1)").doesNotContain("<img src=x").doesNotContain(HOSTILE_LABEL);
        assertThat(get("/t/gp-seller/getting-paid", owner).body()).doesNotContain("<script>alert(1)")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    // ---------------------------------------------------------------------------------------- webhook secrets

    @Test
    void rotatingThroughThePageAddsTheTypedSecretWhichTheWebhookThenAcceptsAndShowsNeither() throws Exception {
        Session developer = SESSIONS.get("developer");
        String first = ExampleBankTransfer.newSecret();
        JsonNode account = PLATFORM.postJson("/v1/provider-accounts", seller.key(),
                ExampleBankTransfer.account(first), 201);
        String path = "/t/gp-seller/getting-paid/accounts/" + account.get("id").asText();
        String second = ExampleBankTransfer.newSecret();

        HttpResponse<String> tooShort = post(path + "/webhook-secrets", developer, form(Map.of("secret", "short",
                "overlapHours", "2")));
        assertThat(tooShort.statusCode()).isEqualTo(422);
        assertThat(tooShort.body()).contains("<p class=\"field-error\" id=\"error-secret\">does not match the "
                + "expected format</p>").contains("value=\"2\"").doesNotContain("\"short\"");
        HttpResponse<String> tooLong = post(path + "/webhook-secrets", developer, form(Map.of("secret", second,
                "overlapHours", "721")));
        assertThat(tooLong.statusCode()).isEqualTo(422);
        assertThat(tooLong.body()).contains("id=\"error-overlap\">between 0 and 30 days</p>").doesNotContain(second);

        HttpResponse<String> rotated = post(path + "/webhook-secrets", developer, form(Map.of("secret", second,
                "overlapHours", "1")));
        assertThat(rotated.statusCode()).isEqualTo(303);
        assertThat(seeOther(rotated)).isEqualTo(path + "?notice=webhook_secret_added");
        JsonNode after = PLATFORM.getJson("/v1/provider-accounts/" + account.get("id").asText(), seller.key(), 200);
        assertThat(after.get("webhookSecrets")).hasSize(2);
        // The one service call: the platform now verifies deliveries signed with the secret typed into the page.
        String reference = UUID.randomUUID().toString();
        assertThat(ExampleBankTransfer.outcome(ExampleBankTransfer.deliver(PLATFORM, account, second,
                ExampleBankTransfer.transferReceived("ev_" + UUID.randomUUID(), "tr_1", reference, 100))))
                .isEqualTo("review");

        HttpResponse<String> page = get(path, developer);
        assertThat(page.body()).doesNotContain(first).doesNotContain(second).contains("accepted until")
                .contains(">current<");
        for (JsonNode secret : after.get("webhookSecrets")) {
            assertThat(page.body()).doesNotContain(secret.get("hint").asText());
        }

        // Retiring the old one, then refusing to retire the last.
        String oldId = null;
        String newId = null;
        for (JsonNode secret : after.get("webhookSecrets")) {
            if (secret.get("retireAt").isNull()) {
                newId = secret.get("id").asText();
            } else {
                oldId = secret.get("id").asText();
            }
        }
        HttpResponse<String> retired = post(path + "/webhook-secrets/" + oldId + "/retire", developer, "");
        assertThat(retired.statusCode()).isEqualTo(303);
        assertThat(PLATFORM.getJson("/v1/provider-accounts/" + account.get("id").asText(), seller.key(), 200)
                .get("webhookSecrets")).hasSize(1);
        HttpResponse<String> last = post(path + "/webhook-secrets/" + newId + "/retire", developer, "");
        assertThat(last.statusCode()).isEqualTo(409);
        assertThat(last.body()).contains("class=\"alert\"").contains("only accepted webhook secret")
                .doesNotContain(second);
    }

    // ---------------------------------------------------------------------------------------- other businesses

    @Test
    void anotherBusinesssAccountAnswers404OnEveryPageAndFormAndLeaksNothing() throws Exception {
        Session owner = SESSIONS.get("owner");
        String theirs = strangersAccount.get("id").asText();
        String secretId = strangersAccount.get("webhookSecrets").get(0).get("id").asText();
        String path = "/t/gp-seller/getting-paid/accounts/" + theirs;
        List<HttpResponse<String>> answers = List.of(get(path, owner),
                post(path + "/webhook-secrets", owner, form(Map.of("secret", ExampleBankTransfer.newSecret()))),
                post(path + "/webhook-secrets/" + secretId + "/retire", owner, ""),
                post(path + "/delete", owner, ""));
        for (HttpResponse<String> answer : answers) {
            assertThat(answer.statusCode()).isEqualTo(404);
            assertThat(answer.body()).doesNotContain("Strangers Secret Bank").doesNotContain("Stranger AG")
                    .doesNotContain(strangersAccount.get("webhookUrl").asText());
        }
        assertThat(get("/t/gp-stranger/getting-paid", owner).statusCode()).isEqualTo(403);
        JsonNode still = PLATFORM.getJson("/v1/provider-accounts/" + theirs, stranger.key(), 200);
        assertThat(still.get("webhookSecrets")).hasSize(1);
        assertThat(get("/t/gp-seller/getting-paid", owner).body()).doesNotContain("Strangers Secret Bank");
    }

    @Test
    void disconnectingThroughThePageDeletesTheAccountAsTheApiDoes() throws Exception {
        JsonNode account = PLATFORM.postJson("/v1/provider-accounts", seller.key(),
                ExampleBankTransfer.account(ExampleBankTransfer.newSecret()), 201);
        String id = account.get("id").asText();
        HttpResponse<String> deleted = post("/t/gp-seller/getting-paid/accounts/" + id + "/delete",
                SESSIONS.get("owner"), "");
        assertThat(deleted.statusCode()).isEqualTo(303);
        assertThat(seeOther(deleted)).isEqualTo("/t/gp-seller/getting-paid?notice=provider_account_deleted");
        PLATFORM.getJson("/v1/provider-accounts/" + id, seller.key(), 404);
        assertThat(seller.audit("provider_account.deleted")).extracting(TenantFixture.AuditEntry::entityId)
                .contains(id);
    }

    // ------------------------------------------------------------------------------------------- review queue

    @Test
    void theReviewQueueShowsAHeldWebhookAsTheApiDoes() throws Exception {
        TenantFixture reviewed = TenantFixture.create(PLATFORM, "gp-reviewed", "EUR")
                .enableProvider(ExampleBankTransfer.PROVIDER, true);
        Session owner = devLogin("reviewer@gp.example");
        assertThat(get("/t/gp-reviewed/getting-paid/reviews", owner).body())
                .contains("Nothing to review");
        String secret = ExampleBankTransfer.newSecret();
        JsonNode account = PLATFORM.postJson("/v1/provider-accounts", reviewed.key(),
                ExampleBankTransfer.account(secret), 201);
        String reference = "INV-<i>9</i>";
        assertThat(ExampleBankTransfer.outcome(ExampleBankTransfer.deliver(PLATFORM, account, secret,
                ExampleBankTransfer.transferReceived("ev_held_1", "tr_held_1", reference, 1_050))))
                .isEqualTo("review");
        assertThat(PLATFORM.getJson("/v1/webhook-reviews", reviewed.key(), 200).get("data")).hasSize(1);

        HttpResponse<String> queue = get("/t/gp-reviewed/getting-paid/reviews", owner);
        assertThat(queue.statusCode()).isEqualTo(200);
        assertThat(queue.body()).contains("No invoice of this business has this reference")
                .contains("INV-&lt;i&gt;9&lt;/i&gt;").contains("tr_held_1").contains("ev_held_1")
                .contains("€10.50").contains("<td>SEPA</td>");
        assertThat(get("/t/gp-reviewed/getting-paid/reviews", owner.withGerman()).body())
                .contains("Keine Rechnung dieses Unternehmens hat diese Referenz").contains("10,50\u00a0€");
    }

    // ------------------------------------------------------------------------------------------------ helpers

    static Session devLogin(String email) throws Exception {
        HttpResponse<String> login = HTTP.send(HttpRequest.newBuilder(URI.create(PLATFORM.url("/auth/dev/login")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
        String cookies = login.headers().allValues("Set-Cookie").stream().map(c -> c.substring(0, c.indexOf(';')))
                .collect(Collectors.joining("; "));
        String csrf = java.util.Arrays.stream(cookies.split("; "))
                .filter(c -> c.startsWith(SessionCookie.CSRF_NAME + "=")).map(c -> c.substring(c.indexOf('=') + 1))
                .findFirst().orElseThrow();
        return new Session(cookies, csrf);
    }

    static HttpResponse<String> get(String path, Session session) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(PLATFORM.url(path))).header("Accept", "text/html")
                .header("Cookie", session.cookies()).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A form as a browser posts it, with the session's CSRF field first. */
    static HttpResponse<String> post(String path, Session session, String body) throws Exception {
        String withCsrf = "_csrf=" + session.csrf() + (body.isEmpty() ? "" : "&" + body);
        return HTTP.send(HttpRequest.newBuilder(URI.create(PLATFORM.url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .header("Cookie", session.cookies()).POST(HttpRequest.BodyPublishers.ofString(withCsrf)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Where a 303 sends the browser, as path and query (the header is absolute). */
    static String seeOther(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
        URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
        return location.getRawPath() + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery());
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
