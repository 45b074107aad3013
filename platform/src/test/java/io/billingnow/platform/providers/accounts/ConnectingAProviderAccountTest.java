package io.billingnow.platform.providers.accounts;

import static io.billingnow.platform.testing.ExampleBankTransfer.deliver;
import static io.billingnow.platform.testing.ExampleBankTransfer.outcome;
import static io.billingnow.platform.testing.ExampleBankTransfer.transferReceived;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.billingnow.platform.providers.plugins.TestPlugins;
import io.billingnow.platform.testing.ExampleBankTransfer;
import io.billingnow.platform.testing.TenantFixture;
import io.billingnow.platform.testing.TestPlatform;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The rules of {@code /v1/provider-accounts} (docs/payments.md, "Provider accounts"): credentials are checked against
 * the provider's descriptor with a pointer per field and nothing is stored when they fail; secrets go in and never
 * come out (responses, audit log, problems); webhook secrets rotate with an overlap; a disconnected account and a
 * provider disabled for the tenant stop what they must. Sealing at rest and key rotation are
 * {@code PaymentFlowEndToEndTest}'s; endpoint fields and the egress policy are {@code EgressEndToEndTest}'s.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ConnectingAProviderAccountTest {

    static final TestPlatform platform = new TestPlatform(
            ConfigOverride.config("plugins.directory", TestPlugins.folder().toString()));

    @RegisterExtension
    static final DropwizardAppExtension<?> APP = platform.app();

    static final String STRIPE_KEY = "sk_test_51SpecKeyForProviderAccounts9876";
    static TenantFixture seller;

    @BeforeAll
    static void aSellerWithStripeAndTheBankTransferEnabled() {
        seller = TenantFixture.create(platform, "connecting", "EUR")
                .enableProvider("stripe", true).enableProvider(ExampleBankTransfer.PROVIDER, true);
    }

    static JsonNode refused(Response response, int status, String type) {
        JsonNode problem = TestPlatform.expect(response, status);
        assertThat(response.getMediaType().toString()).startsWith("application/problem+json");
        assertThat(problem.get("type").asText()).endsWith("/" + type);
        return problem;
    }

    static List<String> pointers(JsonNode problem) {
        return problem.get("errors").findValuesAsText("pointer");
    }

    static Response connect(TenantFixture tenant, Map<String, ?> fields) {
        return platform.post("/v1/provider-accounts", tenant.key(), fields);
    }

    static int accounts(TenantFixture tenant) {
        return platform.getJson("/v1/provider-accounts", tenant.key(), 200).get("data").size();
    }

    static Map<String, Object> with(Map<String, Object> fields, String name, Object value) {
        Map<String, Object> changed = new HashMap<>(fields);
        changed.put(name, value);
        return changed;
    }

    // --------------------------------------------------------------------------------------------- credentials

    @Test
    void secretCredentialFieldsAreNeverReturned() {
        TenantFixture tenant = TenantFixture.create(platform, "connecting-secrets", "EUR").enableProvider("stripe", true);
        String webhookSecret = "whsec_SpecSecretNeverShown0123456789";
        String rotated = "whsec_SpecRotatedSecretNeverShownXYZ";
        JsonNode created = TestPlatform.expect(connect(tenant, Map.of("providerId", "stripe", "credentials",
                Map.of("secret_key", STRIPE_KEY), "webhookSecret", webhookSecret)), 201);
        String id = created.get("id").asText();
        JsonNode afterRotation = platform.postJson("/v1/provider-accounts/" + id + "/webhook-secrets", tenant.key(),
                Map.of("secret", rotated), 201);

        // What is shown: non-secret values as entered, secret ones by their last four characters.
        assertThat(created.get("credentials").get("secret_key").asText()).isEqualTo("…9876");
        JsonNode bank = platform.postJson("/v1/provider-accounts", seller.key(),
                ExampleBankTransfer.account(ExampleBankTransfer.newSecret()), 201);
        assertThat(bank.get("credentials").get("iban").asText()).isEqualTo("DE89370400440532013000");
        assertThat(created.get("webhookSecrets").get(0).get("hint").asText()).isEqualTo("…6789");
        String everythingShown = created.toString() + afterRotation
                + platform.getJson("/v1/provider-accounts/" + id, tenant.key(), 200)
                + platform.getJson("/v1/provider-accounts", tenant.key(), 200);
        assertThat(everythingShown).doesNotContain(STRIPE_KEY).doesNotContain(webhookSecret).doesNotContain(rotated);
        assertThat(tenant.audit("provider_account.created")).hasSize(1);
        assertThat(tenant.audit("provider_account.webhook_secret_added")).hasSize(1);
        assertThat(tenant.wholeAuditLog()).doesNotContain(STRIPE_KEY).doesNotContain(webhookSecret)
                .doesNotContain(rotated);

        // A secret too short to spare four characters shows none of them.
        JsonNode shortKey = TestPlatform.expect(connect(tenant, Map.of("providerId", "stripe", "credentials",
                Map.of("secret_key", "sk_test_abc"), "webhookSecret", "whsec_abc")), 201);
        assertThat(shortKey.get("credentials").get("secret_key").asText()).isEqualTo("…");
        assertThat(shortKey.get("webhookSecrets").get(0).get("hint").asText()).isEqualTo("…");
    }

    @Test
    void credentialsAreCheckedAgainstTheProvidersDescriptorWithAPointerPerFieldAndNothingIsStored() {
        int before = accounts(seller);
        int audited = seller.audit("provider_account.created").size();
        String secret = ExampleBankTransfer.newSecret();
        Map<String, Object> credentials = Map.of("beneficiary_name", "x".repeat(4_097), "bic", "not-a-bic",
                "colour", "blue-secret-value", "pay_page_base_url", "https://bank.example");

        JsonNode problem = refused(connect(seller, Map.of("providerId", ExampleBankTransfer.PROVIDER,
                "credentials", credentials, "webhookSecret", "short")), 400, "invalid-request");

        assertThat(pointers(problem)).contains("/credentials/beneficiary_name", "/credentials/iban",
                "/credentials/bic", "/credentials/colour", "/webhookSecret");
        assertThat(problem.toString()).doesNotContain("blue-secret-value").doesNotContain("not-a-bic")
                .doesNotContain("short\"");
        JsonNode noSecret = refused(connect(seller, with(ExampleBankTransfer.account(secret), "webhookSecret", null)),
                400, "invalid-request");
        assertThat(pointers(noSecret)).containsExactly("/webhookSecret");
        assertThat(accounts(seller)).isEqualTo(before);
        assertThat(seller.audit("provider_account.created")).hasSize(audited);
    }

    @Test
    void anAccountNeedsAProviderAndAShortDisplayName() {
        String secret = ExampleBankTransfer.newSecret();
        assertThat(pointers(refused(connect(seller, with(ExampleBankTransfer.account(secret), "providerId", null)),
                400, "invalid-request"))).containsExactly("/providerId");
        assertThat(pointers(refused(connect(seller, with(ExampleBankTransfer.account(secret), "displayName",
                "d".repeat(201))), 400, "invalid-request"))).containsExactly("/displayName");
        refused(connect(seller, with(ExampleBankTransfer.account(secret), "providerId", "not-installed")), 422,
                "provider-not-installed");
        // Without a name of its own, an account is named after its provider.
        JsonNode unnamed = TestPlatform.expect(connect(seller, with(ExampleBankTransfer.account(secret),
                "displayName", "  ")), 201);
        assertThat(unnamed.get("displayName").asText()).isEqualTo("Bank transfer (SEPA, example)");
    }

    @Test
    void anAccountRetriedWithTheSameIdempotencyKeyIsConnectedOnce() {
        TenantFixture tenant = TenantFixture.create(platform, "connecting-retried", "EUR")
                .enableProvider(ExampleBankTransfer.PROVIDER, true);
        Entity<Map<String, Object>> body = Entity.json(ExampleBankTransfer.account(ExampleBankTransfer.newSecret()));
        String key = UUID.randomUUID().toString();
        Response first = TestPlatform.buffered(platform.request("/v1/provider-accounts", tenant.key())
                .header("Idempotency-Key", key).post(body));
        Response retry = TestPlatform.buffered(platform.request("/v1/provider-accounts", tenant.key())
                .header("Idempotency-Key", key).post(body));
        assertThat(TestPlatform.expect(retry, 201).get("id").asText())
                .isEqualTo(TestPlatform.expect(first, 201).get("id").asText());
        assertThat(accounts(tenant)).isEqualTo(1);
        assertThat(tenant.audit("provider_account.created")).hasSize(1);
    }

    // ---------------------------------------------------------------------------------------- secret rotation

    @Test
    void aNewWebhookSecretRetiresTheOldOnesAfterTheRequestedOverlap() {
        String oldSecret = ExampleBankTransfer.newSecret();
        JsonNode account = platform.postJson("/v1/provider-accounts", seller.key(),
                ExampleBankTransfer.account(oldSecret), 201);
        String id = account.get("id").asText();
        String oldId = account.get("webhookSecrets").get(0).get("id").asText();

        String hourSecret = ExampleBankTransfer.newSecret();
        JsonNode overlapping = platform.postJson("/v1/provider-accounts/" + id + "/webhook-secrets", seller.key(),
                Map.of("secret", hourSecret, "previousSecretsValidForSeconds", 3_600), 201);
        JsonNode old = overlapping.get("webhookSecrets").findParents("id").stream()
                .filter(s -> s.get("id").asText().equals(oldId)).findFirst().orElseThrow();
        assertThat(Instant.parse(old.get("retireAt").asText()))
                .isBetween(Instant.now().plusSeconds(3_600 - 120), Instant.now().plusSeconds(3_600 + 5));
        String invoice = seller.openInvoice(1_000);
        assertThat(outcome(deliver(platform, account, oldSecret, transferReceived("ev_" + UUID.randomUUID(),
                "tr_" + UUID.randomUUID(), invoice, 100)))).as("within the overlap").isEqualTo("payment_recorded");

        // No overlap: every secret accepted so far stops being accepted now.
        String newSecret = ExampleBankTransfer.newSecret();
        JsonNode replaced = platform.postJson("/v1/provider-accounts/" + id + "/webhook-secrets", seller.key(),
                Map.of("secret", newSecret, "previousSecretsValidForSeconds", 0), 201);
        assertThat(replaced.get("webhookSecrets")).hasSize(1);
        for (String gone : List.of(oldSecret, hourSecret)) {
            JsonNode problem = TestPlatform.expect(deliver(platform, account, gone, transferReceived(
                    "ev_" + UUID.randomUUID(), "tr_" + UUID.randomUUID(), invoice, 100)), 400);
            assertThat(problem.get("type").asText()).endsWith("/webhook-rejected");
        }
        assertThat(outcome(deliver(platform, account, newSecret, transferReceived("ev_" + UUID.randomUUID(),
                "tr_" + UUID.randomUUID(), invoice, 100)))).isEqualTo("payment_recorded");
        assertThat(seller.audit("provider_account.webhook_secret_added").stream()
                .filter(e -> e.entityId().equals(id))).hasSize(2);
    }

    @Test
    void aWebhookSecretThatCannotBeRightIsRefusedAndTheAccountKeepsItsSecrets() {
        JsonNode account = platform.postJson("/v1/provider-accounts", seller.key(),
                ExampleBankTransfer.account(ExampleBankTransfer.newSecret()), 201);
        String path = "/v1/provider-accounts/" + account.get("id").asText() + "/webhook-secrets";
        Map<String, Object> valid = Map.of("secret", ExampleBankTransfer.newSecret());

        assertThat(pointers(refused(platform.post(path, seller.key(), Map.of()), 400, "invalid-request")))
                .containsExactly("/secret");
        assertThat(pointers(refused(platform.post(path, seller.key(), Map.of("secret", "too short!")), 400,
                "invalid-request"))).containsExactly("/secret");
        for (long seconds : List.of(-1L, 30L * 86_400 + 1, Long.MAX_VALUE)) {
            assertThat(pointers(refused(platform.post(path, seller.key(), with(valid,
                    "previousSecretsValidForSeconds", seconds)), 400, "invalid-request"))).as("%d s", seconds)
                    .containsExactly("/previousSecretsValidForSeconds");
        }
        refused(platform.post("/v1/provider-accounts/" + UUID.randomUUID() + "/webhook-secrets", seller.key(), valid),
                404, "not-found");

        JsonNode unchanged = platform.getJson("/v1/provider-accounts/" + account.get("id").asText(), seller.key(), 200);
        assertThat(unchanged.get("webhookSecrets")).isEqualTo(account.get("webhookSecrets"));
    }

    @Test
    void theLastAcceptedWebhookSecretCannotBeRetiredAndAnUnknownOneIsNotFound() {
        JsonNode account = platform.postJson("/v1/provider-accounts", seller.key(),
                ExampleBankTransfer.account(ExampleBankTransfer.newSecret()), 201);
        String base = "/v1/provider-accounts/" + account.get("id").asText() + "/webhook-secrets/";
        String only = account.get("webhookSecrets").get(0).get("id").asText();

        refused(TestPlatform.buffered(platform.request(base + only, seller.key()).delete()), 409,
                "last-webhook-secret");
        refused(TestPlatform.buffered(platform.request(base + UUID.randomUUID(), seller.key()).delete()), 404,
                "not-found");

        platform.postJson(base.substring(0, base.length() - 1), seller.key(),
                Map.of("secret", ExampleBankTransfer.newSecret()), 201);
        JsonNode retired = TestPlatform.expect(platform.request(base + only, seller.key()).delete(), 200);
        assertThat(retired.get("webhookSecrets")).hasSize(1);
        assertThat(retired.get("webhookSecrets").get(0).get("id").asText()).isNotEqualTo(only);
        assertThat(seller.audit("provider_account.webhook_secret_retired").stream()
                .filter(e -> e.entityId().equals(account.get("id").asText()))).hasSize(1);
        // Retired means retired: it is not found a second time.
        refused(TestPlatform.buffered(platform.request(base + only, seller.key()).delete()), 404, "not-found");
    }

    @Test
    void twoSecretsRetiredAtTheSameTimeLeaveTheAccountWithOneAcceptedSecret() throws Exception {
        String survivor = ExampleBankTransfer.newSecret();
        JsonNode account = platform.postJson("/v1/provider-accounts", seller.key(),
                ExampleBankTransfer.account(ExampleBankTransfer.newSecret()), 201);
        String base = "/v1/provider-accounts/" + account.get("id").asText() + "/webhook-secrets/";
        String first = account.get("webhookSecrets").get(0).get("id").asText();
        JsonNode rotated = platform.postJson(base.substring(0, base.length() - 1), seller.key(),
                Map.of("secret", survivor), 201);
        String second = rotated.get("webhookSecrets").findValuesAsText("id").stream()
                .filter(secretId -> !secretId.equals(first)).findFirst().orElseThrow();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        // A concurrent transaction holds the first secret's row: the retirement of the first is inside its
        // transaction, its check done, when the retirement of the second starts. Deterministic, no timing guess.
        try (Connection holder = platform.database().superuserConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement(
                    "SELECT 1 FROM provider_webhook_secrets WHERE id = ? FOR UPDATE")) {
                lock.setObject(1, UUID.fromString(first));
                lock.executeQuery().close();
            }
            Future<Response> retireFirst = pool.submit(() -> TestPlatform.buffered(
                    platform.request(base + first, seller.key()).delete()));
            awaitWaitingOnLocks(holder, 1, retireFirst);
            Future<Response> retireSecond = pool.submit(() -> TestPlatform.buffered(
                    platform.request(base + second, seller.key()).delete()));
            awaitWaitingOnLocks(holder, 2, retireSecond);
            holder.commit();

            List<Integer> statuses = List.of(retireFirst.get(60, TimeUnit.SECONDS).getStatus(),
                    retireSecond.get(60, TimeUnit.SECONDS).getStatus());
            assertThat(statuses).containsExactly(200, 409);
        } finally {
            pool.shutdownNow();
        }
        JsonNode after = platform.getJson("/v1/provider-accounts/" + account.get("id").asText(), seller.key(), 200);
        assertThat(after.get("webhookSecrets")).hasSize(1);
        String invoice = seller.openInvoice(1_000);
        assertThat(outcome(deliver(platform, account, survivor, transferReceived("ev_" + UUID.randomUUID(),
                "tr_" + UUID.randomUUID(), invoice, 100)))).isEqualTo("payment_recorded");
    }

    /** Waits until {@code count} sessions wait for a lock, or the request ended without waiting. */
    static void awaitWaitingOnLocks(Connection c, int count, Future<Response> request) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!request.isDone() && System.nanoTime() < deadline) {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM pg_stat_activity"
                    + " WHERE datname = current_database() AND wait_event_type = 'Lock'");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getInt(1) >= count) {
                    return;
                }
            }
            Thread.sleep(20);
        }
    }

    // ----------------------------------------------------------------------------------- disconnecting, disabling

    @Test
    void aDisconnectedAccountTakesNoWebhooksNoLinksAndNoSecretsAndIsAudited() {
        String secret = ExampleBankTransfer.newSecret();
        JsonNode account = platform.postJson("/v1/provider-accounts", seller.key(),
                ExampleBankTransfer.account(secret), 201);
        String id = account.get("id").asText();
        String invoice = seller.openInvoice(1_000);

        assertThat(TestPlatform.buffered(platform.request("/v1/provider-accounts/" + id, seller.key()).delete())
                .getStatus()).isEqualTo(204);

        refused(platform.get("/v1/provider-accounts/" + id, seller.key()), 404, "not-found");
        assertThat(platform.getJson("/v1/provider-accounts", seller.key(), 200).toString()).doesNotContain(id);
        refused(TestPlatform.buffered(platform.request("/v1/provider-accounts/" + id, seller.key()).delete()), 404,
                "not-found");
        refused(platform.post("/v1/provider-accounts/" + id + "/webhook-secrets", seller.key(),
                Map.of("secret", ExampleBankTransfer.newSecret())), 404, "not-found");
        refused(deliver(platform, account, secret, transferReceived("ev_" + UUID.randomUUID(),
                "tr_" + UUID.randomUUID(), invoice, 1_000)), 404, "not-found");
        JsonNode noLink = refused(platform.post("/v1/invoices/" + invoice + "/payment-links", seller.key(),
                Map.of("providerAccountId", id)), 400, "invalid-request");
        assertThat(pointers(noLink)).containsExactly("/providerAccountId");
        assertThat(seller.invoice(invoice).get("amountDue").asLong()).isEqualTo(1_000);

        List<TenantFixture.AuditEntry> deleted = seller.audit("provider_account.deleted").stream()
                .filter(e -> e.entityId().equals(id)).toList();
        assertThat(deleted).hasSize(1);
        assertThat(deleted.get(0).before().get("providerId").asText()).isEqualTo(ExampleBankTransfer.PROVIDER);
        assertThat(deleted.get(0).after()).isNull();
    }

    @Test
    void aProviderDisabledForTheTenantIssuesNoNewLinksButPaymentsAlreadyUnderwayAreStillRecorded() {
        TenantFixture tenant = TenantFixture.create(platform, "connecting-disabled", "EUR")
                .enableProvider(ExampleBankTransfer.PROVIDER, true);
        String secret = ExampleBankTransfer.newSecret();
        JsonNode account = platform.postJson("/v1/provider-accounts", tenant.key(),
                ExampleBankTransfer.account(secret), 201);
        String invoice = tenant.openInvoice(1_000);
        Map<String, Object> link = Map.of("providerAccountId", account.get("id").asText());

        tenant.enableProvider(ExampleBankTransfer.PROVIDER, false);

        refused(platform.post("/v1/invoices/" + invoice + "/payment-links", tenant.key(), link), 422,
                "provider-not-enabled");
        refused(connect(tenant, ExampleBankTransfer.account(ExampleBankTransfer.newSecret())), 422,
                "provider-not-enabled");
        // A transfer the payer started before is money received: it is still recorded.
        assertThat(outcome(deliver(platform, account, secret, transferReceived("ev_" + UUID.randomUUID(),
                "tr_" + UUID.randomUUID(), invoice, 400)))).isEqualTo("payment_recorded");
        assertThat(tenant.invoice(invoice).get("amountDue").asLong()).isEqualTo(600);

        tenant.enableProvider(ExampleBankTransfer.PROVIDER, true);
        platform.postJson("/v1/invoices/" + invoice + "/payment-links", tenant.key(), link, 201);
    }
}
