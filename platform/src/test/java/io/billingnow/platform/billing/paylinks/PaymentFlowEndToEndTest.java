package io.billingnow.platform.billing.paylinks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.billingnow.platform.identity.auth.Role;
import io.billingnow.platform.core.tx.TenantTransactions;
import io.billingnow.platform.keys.EncryptedColumn;
import io.billingnow.platform.keys.EncryptedColumns;
import io.billingnow.platform.keys.FieldCiphertext;
import io.billingnow.platform.providers.plugins.TestPlugins;
import io.billingnow.platform.tenancy.Tenant;
import io.billingnow.platform.testing.TestPlatform;
import io.billingnow.sdk.testkit.FakeHttpServer;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.glassfish.jersey.client.ClientProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole way over real HTTP: a tenant connects a Stripe account (a fake Stripe on loopback is its API), finalizes
 * an invoice, makes a payment link, the payer opens it and is sent to the provider's checkout, and a webhook signed
 * the Stripe way marks the invoice paid. Around it: replays, secret rotation, dead links, misbehaving plugins.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class PaymentFlowEndToEndTest {

    static final FakeHttpServer STRIPE = fakeStripe();
    static final TestPlatform platform = new TestPlatform(
            ConfigOverride.config("plugins.directory", TestPlugins.folder().toString()),
            ConfigOverride.config("plugins.callTimeout", "1s"));

    @RegisterExtension
    static final DropwizardAppExtension<?> APP = platform.app();

    static final SecureRandom RANDOM = new SecureRandom();
    static final String STRIPE_KEY = "sk_test_51FakeKeyForTests0123456789";
    static Tenant tenant;
    static String key;
    static String operator;
    static String customerId;

    @BeforeAll
    static void aTenantWithStripeEnabledAndACustomer() {
        tenant = platform.createTenant("payflow", "EUR");
        key = platform.apiKey(tenant, Role.OWNER);
        operator = platform.operatorToken(false);
        for (String provider : List.of("stripe", "example-bank-transfer", TestPlugins.THROWING, TestPlugins.HANGING,
                TestPlugins.LYING)) {
            TestPlatform.expect(platform.request("/admin/v1/tenants/" + tenant.id() + "/providers/" + provider,
                    operator).method("PATCH", Entity.entity(Map.of("enabled", true), "application/merge-patch+json")), 200);
        }
        customerId = platform.postJson("/v1/customers", key, Map.of("name", "Muster <AG>", "email",
                "ap@muster.example", "country", "DE"), 201).get("id").asText();
    }

    @AfterAll
    static void stopFakes() {
        STRIPE.close();
    }

    // ---------------------------------------------------------------------------------------------- the happy path

    @Test
    void stripeCheckoutAndASignedWebhookPayTheInvoice() throws Exception {
        String secret = newStripeSecret();
        JsonNode account = stripeAccount(secret);
        String invoiceId = openInvoice(10_000);

        JsonNode link = platform.postJson("/v1/invoices/" + invoiceId + "/payment-links", key,
                Map.of("providerAccountId", account.get("id").asText()), 201);
        URI url = URI.create(link.get("url").asText());
        assertThat(url.toString()).startsWith("https://billingnow.test/pay/pl_");
        assertThat(Instant.parse(link.get("expiresAt").asText()))
                .isBetween(Instant.now().plusSeconds(7 * 86400 - 120), Instant.now().plusSeconds(7 * 86400 + 5));

        Response page = platform.get(url.getPath(), null);
        String html = page.readEntity(String.class);
        assertThat(page.getStatus()).isEqualTo(200);
        PayPagePolicyTest.assertPayPagePolicy(page, html);
        assertThat(html).contains("<form method=\"post\" action=\"/pay/");
        assertThat(page.getHeaderString("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(html).contains("Tenant payflow").contains("INV-").contains("119.00 EUR")
                .doesNotContain("<script").doesNotContain(STRIPE_KEY).doesNotContain(secret);

        Response checkout = checkout(url);
        assertThat(checkout.getStatus()).isEqualTo(303);
        URI redirect = checkout.getLocation();
        assertThat(redirect.toString()).startsWith(STRIPE.baseUri() + "/c/pay/cs_test_");
        FakeHttpServer.Received session = lastSessionRequest();
        assertThat(session.headers().first("Authorization")).contains("Bearer " + STRIPE_KEY);
        assertThat(session.bodyText()).contains("unit_amount%5D=11900").contains(invoiceId);

        // Opening the link again while the checkout is valid reuses it instead of creating another session.
        int sessions = sessionRequests();
        assertThat(checkout(url).getLocation()).isEqualTo(redirect);
        assertThat(sessionRequests()).isEqualTo(sessions);

        String sessionId = redirect.getPath().substring(redirect.getPath().lastIndexOf('/') + 1);
        byte[] event = checkoutCompleted("evt_" + UUID.randomUUID(), sessionId, invoiceId, 11_900, "eur");
        JsonNode delivered = TestPlatform.expect(deliver(account, event, stripeSignature(secret, event)), 200);
        assertThat(delivered.get("events").get(0).get("outcome").asText()).isEqualTo("payment_recorded");

        JsonNode paid = platform.getJson("/v1/invoices/" + invoiceId, key, 200);
        assertThat(paid.get("status").asText()).isEqualTo("paid");
        assertThat(paid.get("amountDue").asLong()).isZero();
        JsonNode payments = platform.getJson("/v1/invoices/" + invoiceId + "/payments", key, 200).get("data");
        assertThat(payments).hasSize(1);
        assertThat(payments.get(0).get("provider").asText()).isEqualTo("stripe");
        assertThat(payments.get(0).get("amount").asLong()).isEqualTo(11_900);

        assertThat(auditActions()).contains("provider_account.created", "payment_link.created",
                "payment_link.checkout_opened", "invoice.payment_recorded", "payment.created");

        // A settled invoice's link is dead.
        Response settled = platform.get(url.getPath(), null);
        assertThat(settled.getStatus()).isEqualTo(410);
        assertThat(settled.readEntity(String.class)).contains("no longer payable");
        assertThat(status(checkout(url))).isEqualTo(410);
    }

    @Test
    void aPartialPaymentLeavesTheInvoiceOpenAndTheNextCheckoutAsksForTheRest() throws Exception {
        String secret = newStripeSecret();
        JsonNode account = stripeAccount(secret);
        String invoiceId = openInvoice(10_000);
        URI url = link(invoiceId, account);
        assertThat(status(checkout(url))).isEqualTo(303);

        byte[] event = paymentIntentSucceeded("evt_" + UUID.randomUUID(), invoiceId, 4_000, "eur");
        TestPlatform.expect(deliver(account, event, stripeSignature(secret, event)), 200);
        JsonNode invoice = platform.getJson("/v1/invoices/" + invoiceId, key, 200);
        assertThat(invoice.get("status").asText()).isEqualTo("open");
        assertThat(invoice.get("amountDue").asLong()).isEqualTo(7_900);

        int sessions = sessionRequests();
        assertThat(status(checkout(url))).isEqualTo(303);
        assertThat(sessionRequests()).isEqualTo(sessions + 1);
        assertThat(lastSessionRequest().bodyText()).contains("unit_amount%5D=7900");
    }

    // -------------------------------------------------------------------------------------------------- webhooks

    @Test
    void unknownEndpointsAre404AndOversizedBodiesAre413() throws Exception {
        String unknown = "/webhooks/whk_" + "A".repeat(43);
        assertThat(status(platform.request(unknown, null).post(Entity.json("{}")))).isEqualTo(404);
        assertThat(status(platform.request("/webhooks/nonsense", null).post(Entity.json("{}")))).isEqualTo(404);
        JsonNode account = stripeAccount(newStripeSecret());
        // Its own client: the server answers before reading the whole body and closes the connection.
        HttpResponse<String> tooLarge = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(platform.url(path(account.get("webhookUrl").asText()))))
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[256 * 1024 + 1]))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(tooLarge.statusCode()).isEqualTo(413);
    }

    @Test
    void rotatedSecretsOverlapUntilTheOldOneIsRetired() throws Exception {
        String oldSecret = newStripeSecret();
        JsonNode account = stripeAccount(oldSecret);
        String accountId = account.get("id").asText();
        String oldSecretId = account.get("webhookSecrets").get(0).get("id").asText();
        String newSecret = newStripeSecret();

        JsonNode rotated = platform.postJson("/v1/provider-accounts/" + accountId + "/webhook-secrets", key,
                Map.of("secret", newSecret), 201);
        assertThat(rotated.get("webhookSecrets")).hasSize(2);
        JsonNode old = find(rotated.get("webhookSecrets"), oldSecretId);
        assertThat(Instant.parse(old.get("retireAt").asText()))
                .isBetween(Instant.now().plusSeconds(86400 - 120), Instant.now().plusSeconds(86400 + 5));

        String invoiceId = openInvoice(1_000);
        byte[] signedWithOld = paymentIntentSucceeded("evt_" + UUID.randomUUID(), invoiceId, 100, "eur");
        byte[] signedWithNew = paymentIntentSucceeded("evt_" + UUID.randomUUID(), invoiceId, 100, "eur");
        TestPlatform.expect(deliver(account, signedWithOld, stripeSignature(oldSecret, signedWithOld)), 200);
        TestPlatform.expect(deliver(account, signedWithNew, stripeSignature(newSecret, signedWithNew)), 200);

        Response retire = platform.request("/v1/provider-accounts/" + accountId + "/webhook-secrets/" + oldSecretId,
                key).delete();
        assertThat(TestPlatform.expect(retire, 200).get("webhookSecrets")).hasSize(1);
        byte[] late = paymentIntentSucceeded("evt_" + UUID.randomUUID(), invoiceId, 100, "eur");
        TestPlatform.expect(deliver(account, late, stripeSignature(oldSecret, late)), 400);
        TestPlatform.expect(deliver(account, late, stripeSignature(newSecret, late)), 200);
        assertThat(platform.getJson("/v1/invoices/" + invoiceId + "/payments", key, 200).get("data")).hasSize(3);

    }

    // ----------------------------------------------------------------------------------------- provider accounts

    @Test
    void credentialsAreSealedWithTheTenantsKeyAndNeverShown() throws Exception {
        String secret = newStripeSecret();
        JsonNode account = stripeAccount(secret);
        String shown = platform.getJson("/v1/provider-accounts", key, 200).toString();
        assertThat(shown).doesNotContain(STRIPE_KEY).doesNotContain(secret)
                .contains("…" + STRIPE_KEY.substring(STRIPE_KEY.length() - 4));
        assertThat(account.get("webhookUrl").asText()).matches("https://billingnow\\.test/webhooks/whk_[A-Za-z0-9_-]{43}");

        try (var c = platform.database().superuserConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT a.credentials, s.secret FROM provider_accounts a JOIN provider_webhook_secrets s"
                        + " ON s.tenant_id = a.tenant_id AND s.account_id = a.id WHERE a.id = ?")) {
            ps.setObject(1, UUID.fromString(account.get("id").asText()));
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(new String(rs.getBytes(1), StandardCharsets.ISO_8859_1)).doesNotContain(STRIPE_KEY);
                assertThat(new String(rs.getBytes(2), StandardCharsets.ISO_8859_1)).doesNotContain(secret);
                // Both in the keys package's field format: version byte, then the tenant data key's version.
                assertThat(rs.getBytes(1)[0]).isEqualTo(FieldCiphertext.FORMAT_V1);
                assertThat(rs.getBytes(2)[0]).isEqualTo(FieldCiphertext.FORMAT_V1);
            }
        }
    }

    /**
     * A key rotation moves every registered encrypted column to the new key and retires the old one; everything stays
     * readable through the API. Every column of {@link EncryptedColumns#APPLICATION} must hold a value here, so a
     * newly registered column fails this test until it is exercised too.
     */
    @Test
    void everyEncryptedColumnFollowsTheTenantsKeyRotationAndStaysReadableThroughTheApi() throws Exception {
        Tenant rotating = platform.createTenant("payflow-rotating", "EUR");
        String rotatingKey = platform.apiKey(rotating, Role.OWNER);
        TestPlatform.expect(platform.request("/admin/v1/tenants/" + rotating.id() + "/providers/stripe", operator)
                .method("PATCH", Entity.entity(Map.of("enabled", true), "application/merge-patch+json")), 200);
        String secret = newStripeSecret();
        JsonNode account = platform.postJson("/v1/provider-accounts", rotatingKey, Map.of("providerId", "stripe",
                "credentials", Map.of("secret_key", STRIPE_KEY), "webhookSecret", secret), 201);
        String taxId = "DE123456789";
        String newCustomer = "{\"name\":\"Rotation GmbH\",\"country\":\"DE\",\"taxId\":\"" + taxId + "\"}";
        Response created = createOnce(rotatingKey, "rotation-customer", newCustomer);
        assertThat(created.getStatus()).isEqualTo(201);
        String customer = TestPlatform.parse(created.readEntity(String.class)).get("id").asText();
        String invoice = platform.postJson("/v1/invoices", rotatingKey, Map.of("customerId", customer, "currency",
                "EUR", "lines", List.of(Map.of("description", "Consulting", "quantity", "1", "unitAmount", 100,
                        "taxRates", List.of(Map.of("name", "VAT 19%", "category", "S", "percent", 19))))), 201)
                .get("id").asText();
        platform.postJson("/v1/invoices/" + invoice + "/finalize", rotatingKey, Map.of(), 200);
        assertThat(keyVersionsByColumn(rotating)).as("one value in every registered column, under version 1")
                .isEqualTo(everyColumnUnder(1));

        TestPlatform.expect(platform.request("/admin/v1/keys/tenants/" + rotating.id() + "/rotate", operator)
                .post(Entity.json("{}")), 200);
        JsonNode done = TestPlatform.expect(platform.request("/admin/v1/keys/tenants/" + rotating.id()
                + "/reencryption", operator).post(Entity.json("{}")), 200);
        assertThat(done.get("complete").asBoolean()).isTrue();
        assertThat(keyVersionsByColumn(rotating)).isEqualTo(everyColumnUnder(2));

        // Version 1 is retired (its material erased): each value below can only have come from the re-encrypted row.
        assertThat(platform.getJson("/v1/customers/" + customer, rotatingKey, 200).get("taxId").asText())
                .isEqualTo(taxId);
        assertThat(platform.getJson("/v1/invoices/" + invoice, rotatingKey, 200).get("customer").get("taxId")
                .asText()).isEqualTo(taxId);
        Response replayed = createOnce(rotatingKey, "rotation-customer", newCustomer);
        assertThat(replayed.getStatus()).isEqualTo(201);
        assertThat(replayed.getHeaderString("Idempotency-Replayed")).isEqualTo("true");
        assertThat(TestPlatform.parse(replayed.readEntity(String.class)).get("id").asText()).isEqualTo(customer);
        // An event signed with the re-encrypted webhook secret verifies, and the credentials open to handle it (kept
        // for review, since the invoice belongs to nobody here).
        byte[] event = paymentIntentSucceeded("evt_" + UUID.randomUUID(), UUID.randomUUID().toString(), 100, "eur");
        JsonNode delivered = TestPlatform.expect(deliver(account, event, stripeSignature(secret, event)), 200);
        assertThat(delivered.get("events").get(0).get("outcome").asText()).isEqualTo("review");
    }

    static Response createOnce(String bearer, String idempotencyKey, String json) {
        return buffered(platform.request("/v1/customers", bearer).header("Idempotency-Key", idempotencyKey)
                .post(Entity.json(json)));
    }

    static Map<String, Set<Integer>> everyColumnUnder(int version) {
        Map<String, Set<Integer>> expected = new TreeMap<>();
        EncryptedColumns.APPLICATION.forEach(c -> expected.put(c.table() + "." + c.column(), Set.of(version)));
        return expected;
    }

    /** Per registered column, the data-key versions its values of the tenant name (bytes 1-4 of the field format). */
    static Map<String, Set<Integer>> keyVersionsByColumn(Tenant tenant) throws Exception {
        Map<String, Set<Integer>> versions = new TreeMap<>();
        try (var c = platform.database().superuserConnection()) {
            for (EncryptedColumn column : EncryptedColumns.APPLICATION) {
                try (PreparedStatement ps = c.prepareStatement("SELECT " + column.column() + " FROM " + column.table()
                        + " WHERE tenant_id = ? AND " + column.column() + " IS NOT NULL")) {
                    ps.setObject(1, tenant.id().value());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            versions.computeIfAbsent(column.table() + "." + column.column(), k -> new TreeSet<>())
                                    .add(java.nio.ByteBuffer.wrap(rs.getBytes(1), 1, 4).getInt());
                        }
                    }
                }
            }
        }
        return versions;
    }

    // ------------------------------------------------------------------------------------------------ dead links

    @Test
    void expiredRevokedMalformedAndUnknownLinks() throws Exception {
        JsonNode account = stripeAccount(newStripeSecret());
        String invoiceId = openInvoice(1_000);

        JsonNode revoked = platform.postJson("/v1/invoices/" + invoiceId + "/payment-links", key,
                Map.of("providerAccountId", account.get("id").asText()), 201);
        JsonNode revocation = TestPlatform.expect(platform.request("/v1/payment-links/"
                + revoked.get("id").asText(), key).delete(), 200);
        assertThat(revocation.get("providerCheckout").asText()).as("no checkout was opened").isEqualTo("none");
        URI revokedUrl = URI.create(revoked.get("url").asText());
        Response gone = platform.get(revokedUrl.getPath(), null);
        assertThat(gone.getStatus()).isEqualTo(410);
        assertThat(gone.readEntity(String.class)).contains("withdrawn");
        assertThat(status(checkout(revokedUrl))).isEqualTo(410);

        JsonNode expiring = platform.postJson("/v1/invoices/" + invoiceId + "/payment-links", key,
                Map.of("providerAccountId", account.get("id").asText(), "expiresInSeconds", 60), 201);
        URI expiringUrl = URI.create(expiring.get("url").asText());
        assertThat(status(platform.get(expiringUrl.getPath(), null))).isEqualTo(200);
        // Let the minute pass, as far as the database is concerned.
        try (var c = platform.database().superuserConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE payment_links SET expires_at = now() - interval '1 second' WHERE id = ?")) {
            ps.setObject(1, UUID.fromString(expiring.get("id").asText()));
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        Response expired = platform.get(expiringUrl.getPath(), null);
        assertThat(expired.getStatus()).isEqualTo(410);
        assertThat(expired.readEntity(String.class)).contains("expired");
        assertThat(status(checkout(expiringUrl))).isEqualTo(410);

        // Longer than the tenant allows (30 days by default) is capped.
        JsonNode capped = platform.postJson("/v1/invoices/" + invoiceId + "/payment-links", key,
                Map.of("providerAccountId", account.get("id").asText(), "expiresInSeconds", 90L * 86400), 201);
        assertThat(Instant.parse(capped.get("expiresAt").asText())).isBefore(Instant.now().plusSeconds(30L * 86400 + 5));

        assertThat(status(platform.get("/pay/pl_" + "A".repeat(43), null))).isEqualTo(404);
        assertThat(status(platform.get("/pay/not-a-token", null))).isEqualTo(404);
        assertThat(status(checkout(URI.create("https://x/pay/pl_" + "B".repeat(43))))).isEqualTo(404);
    }

    @Test
    void revokingALinkExpiresTheStripeCheckoutItOpenedSoTheCustomerCannotPayThere() throws Exception {
        JsonNode link = linkToAStripeCheckout();
        URI url = URI.create(link.get("url").asText());
        String sessionId = sessionOf(checkout(url));
        assertThat(SESSION_STATUS).containsEntry(sessionId, "open");

        JsonNode revocation = revoke(link);
        assertThat(revocation.get("providerCheckout").asText()).isEqualTo("closed");
        assertThat(revocation.get("revokedAt").isNull()).isFalse();
        assertThat(SESSION_STATUS).containsEntry(sessionId, "expired");
        FakeHttpServer.Received expire = STRIPE.received().stream()
                .filter(r -> r.path().equals("/v1/checkout/sessions/" + sessionId + "/expire")).findFirst()
                .orElseThrow();
        assertThat(expire.method()).isEqualTo("POST");
        assertThat(expire.headers().first("Authorization")).contains("Bearer " + STRIPE_KEY);
        assertThat(auditActions()).contains("payment_link.revoked", "payment_link.checkout_closed");
        assertThat(status(checkout(url))).isEqualTo(410);

        // Revoking again is harmless: the checkout is known to be closed, Stripe is not asked again.
        long asked = STRIPE.received().stream().filter(r -> r.path().endsWith("/expire")).count();
        assertThat(revoke(link).get("providerCheckout").asText()).isEqualTo("closed");
        assertThat(STRIPE.received().stream().filter(r -> r.path().endsWith("/expire")).count()).isEqualTo(asked);
    }

    @Test
    void whenStripeCannotExpireTheCheckoutTheLinkStaysRevokedAndRevokingAgainRetries() throws Exception {
        JsonNode link = linkToAStripeCheckout();
        URI url = URI.create(link.get("url").asText());
        String sessionId = sessionOf(checkout(url));

        EXPIRE_FAILS.set(true);
        JsonNode failed;
        try {
            failed = revoke(link);
        } finally {
            EXPIRE_FAILS.set(false);
        }
        assertThat(failed.get("providerCheckout").asText()).isEqualTo("not_closed");
        assertThat(failed.get("checkoutExpiresAt").isNull()).as("until when it stays open").isFalse();
        assertThat(SESSION_STATUS).containsEntry(sessionId, "open");
        assertThat(auditActions()).contains("payment_link.checkout_close_failed");
        assertThat(status(checkout(url))).as("our link is revoked all the same").isEqualTo(410);

        JsonNode retried = revoke(link);
        assertThat(retried.get("providerCheckout").asText()).isEqualTo("closed");
        assertThat(SESSION_STATUS).containsEntry(sessionId, "expired");
    }

    @Test
    void aCheckoutOpenedWhileTheLinkIsBeingRevokedIsExpiredToo() throws Exception {
        JsonNode link = linkToAStripeCheckout();
        URI url = URI.create(link.get("url").asText());

        // The link is revoked while Stripe is creating the session (after the platform found the link live).
        BEFORE_SESSION_ANSWER.set(() -> {
            try (var c = platform.database().superuserConnection(); PreparedStatement ps = c.prepareStatement(
                    "UPDATE payment_links SET revoked_at = now() WHERE id = ?")) {
                ps.setObject(1, UUID.fromString(link.get("id").asText()));
                ps.executeUpdate();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            assertThat(status(checkout(url))).isEqualTo(410);
        } finally {
            BEFORE_SESSION_ANSWER.set(null);
        }
        String created = "cs_test_" + SESSIONS.get();
        assertThat(SESSION_STATUS).as("the session opened meanwhile").containsEntry(created, "expired");
        assertThat(auditActions()).contains("payment_link.checkout_closed");
    }

    /** A fresh Stripe account and a link to an open invoice of 10.00 that pays through it. */
    static JsonNode linkToAStripeCheckout() {
        JsonNode account = stripeAccount(newStripeSecret());
        String invoiceId = openInvoice(1_000);
        return platform.postJson("/v1/invoices/" + invoiceId + "/payment-links", key,
                Map.of("providerAccountId", account.get("id").asText()), 201);
    }

    static JsonNode revoke(JsonNode link) {
        return TestPlatform.expect(platform.request("/v1/payment-links/" + link.get("id").asText(), key).delete(),
                200);
    }

    static String sessionOf(Response checkout) {
        assertThat(checkout.getStatus()).isEqualTo(303);
        String path = checkout.getLocation().getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    // --------------------------------------------------------------------------------------- misbehaving plugins

    @Test
    void aThrowingHangingOrLyingPluginGivesA502AndAnUnhealthyPlugin() throws Exception {
        for (String provider : List.of(TestPlugins.THROWING, TestPlugins.HANGING, TestPlugins.LYING)) {
            JsonNode account = platform.postJson("/v1/provider-accounts", key, Map.of("providerId", provider,
                    "credentials", Map.of("note", "x"), "webhookSecret", "s3cr3t-value"), 201);
            String invoiceId = openInvoice(1_000);
            URI url = link(invoiceId, account);

            long start = System.nanoTime();
            Response failed = checkout(url);
            long millis = (System.nanoTime() - start) / 1_000_000;
            JsonNode problem = TestPlatform.expect(failed, 502);
            assertThat(problem.get("type").asText()).endsWith("/provider-failed");
            assertThat(millis).as("request held for %s", provider).isLessThan(5_000);

            JsonNode webhook = TestPlatform.expect(platform.request(path(account.get("webhookUrl").asText()), null)
                    .post(Entity.json("{}")), 502);
            assertThat(webhook.get("type").asText()).endsWith("/provider-failed");

            JsonNode plugins = platform.getJson("/admin/v1/plugins", operator, 200).get("data");
            JsonNode health = providerView(plugins, provider).get("health");
            assertThat(health.get("healthy").asBoolean()).as(provider).isFalse();
            assertThat(platform.getJson("/v1/invoices/" + invoiceId, key, 200).get("status").asText())
                    .isEqualTo("open");
        }
        try (var c = platform.database().appConnection(); var s = c.createStatement();
             var rs = s.executeQuery("SELECT count(*) FROM security_events WHERE kind = 'plugin_failure'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("plugin failures in the security-event stream").isGreaterThanOrEqualTo(6);
        }
        var result = APP.getEnvironment().healthChecks().runHealthCheck("plugins");
        assertThat(result.isHealthy()).isFalse();
        assertThat(result.getMessage()).contains(TestPlugins.THROWING).contains(TestPlugins.HANGING)
                .contains(TestPlugins.LYING);
    }

    @Test
    void aProviderThatIsNotInstalledIsA422OfItsOwnTypeNotAnOutage() {
        Tenant tenant = platform.createTenant("payflow-uninstalled", "EUR");
        String tenantKey = platform.apiKey(tenant, Role.OWNER);
        JsonNode refused = TestPlatform.expect(platform.post("/v1/provider-accounts", tenantKey,
                Map.of("providerId", "not-installed-anywhere", "credentials", Map.of("secret_key", STRIPE_KEY))), 422);
        // provider-unavailable is the 503 of a provider that cannot be reached; a client retries that one.
        assertThat(refused.get("type").asText()).endsWith("/provider-not-installed");
    }

    @Test
    void theAdminConsoleListsPluginsAndTogglesProvidersPerTenant() {
        JsonNode plugins = platform.getJson("/admin/v1/plugins", operator, 200).get("data");
        JsonNode stripe = providerView(plugins, "stripe");
        assertThat(stripe.get("descriptor").get("displayName").asText()).isEqualTo("Stripe");
        assertThat(stripe.get("descriptor").get("capabilities").toString()).contains("WEBHOOKS");
        JsonNode future = plugin(plugins, TestPlugins.FUTURE);
        assertThat(future.get("state").asText()).isNotEqualTo("started");
        assertThat(future.get("error").asText()).contains(">=2.0.0");
        assertThat(status(platform.get("/admin/v1/plugins", key))).isEqualTo(401);

        Tenant other = platform.createTenant("payflow-other", "EUR");
        String otherKey = platform.apiKey(other, Role.OWNER);
        Map<String, Object> fields = Map.of("providerId", "stripe", "credentials", Map.of("secret_key", STRIPE_KEY),
                "webhookSecret", newStripeSecret());
        JsonNode refused = TestPlatform.expect(platform.post("/v1/provider-accounts", otherKey, fields), 422);
        assertThat(refused.get("type").asText()).endsWith("/provider-not-enabled");
        JsonNode enabled = TestPlatform.expect(platform.request("/admin/v1/tenants/" + other.id()
                + "/providers/stripe", operator).method("PATCH", Entity.entity(Map.of("enabled", true), "application/merge-patch+json")), 200);
        assertThat(enabled.get("enabledProviders").toString()).contains("stripe");
        TestPlatform.expect(platform.post("/v1/provider-accounts", otherKey, fields), 201);
        TestPlatform.expect(platform.request("/admin/v1/tenants/" + other.id() + "/providers/stripe", operator)
                .method("PATCH", Entity.entity(Map.of("enabled", false), "application/merge-patch+json")), 200);
        TestPlatform.expect(platform.post("/v1/provider-accounts", otherKey, fields), 422);
        TestPlatform.expect(platform.request("/admin/v1/tenants/" + other.id() + "/providers/nope", operator)
                .method("PATCH", Entity.entity(Map.of("enabled", true), "application/merge-patch+json")), 404);

        // Another tenant's account is invisible.
        String mine = stripeAccount(newStripeSecret()).get("id").asText();
        assertThat(status(platform.get("/v1/provider-accounts/" + mine, otherKey))).isEqualTo(404);
    }

    // ------------------------------------------------------------------------------------------ another provider

    @Test
    void theSameFlowWithTheExampleBankTransferPlugin() throws Exception {
        String secret = "example_secret_" + UUID.randomUUID().toString().replace("-", "");
        JsonNode account = platform.postJson("/v1/provider-accounts", key, Map.of("providerId",
                "example-bank-transfer", "displayName", "SEPA", "credentials", Map.of("beneficiary_name", "Payflow GmbH",
                        "iban", "DE89370400440532013000", "pay_page_base_url", "https://bank.example"),
                "webhookSecret", secret), 201);
        String invoiceId = openInvoice(5_000);
        URI url = link(invoiceId, account);
        Response checkout = checkout(url);
        assertThat(checkout.getStatus()).isEqualTo(303);
        assertThat(checkout.getLocation().toString()).startsWith("https://bank.example/pay?ref=BT-");

        // A bank transfer page cannot be closed at a provider: revoking says so, and until when it was offered.
        JsonNode other = platform.postJson("/v1/invoices/" + invoiceId + "/payment-links", key,
                Map.of("providerAccountId", account.get("id").asText()), 201);
        assertThat(status(checkout(URI.create(other.get("url").asText())))).isEqualTo(303);
        JsonNode revocation = TestPlatform.expect(platform.request("/v1/payment-links/" + other.get("id").asText(),
                key).delete(), 200);
        assertThat(revocation.get("providerCheckout").asText()).isEqualTo("not_supported");
        assertThat(revocation.get("checkoutExpiresAt").isNull()).isFalse();
        assertThat(auditActions()).contains("payment_link.checkout_left_open");

        long now = Instant.now().getEpochSecond();
        byte[] body = ("{\"id\":\"tr_" + UUID.randomUUID() + "\",\"type\":\"transfer.received\",\"occurred_at\":\""
                + Instant.now() + "\",\"transfer\":{\"amount_minor\":5950,\"currency\":\"EUR\",\"reference\":\"BT-1\","
                + "\"invoice_reference\":\"" + invoiceId + "\"}}").getBytes(StandardCharsets.UTF_8);
        Response delivered = platform.request(path(account.get("webhookUrl").asText()), null)
                .header("X-Example-Timestamp", Long.toString(now))
                .header("X-Example-Signature", "v1=" + hmacHex(secret, now + ".", body))
                .post(Entity.entity(body, "application/json"));
        assertThat(TestPlatform.expect(delivered, 200).get("events").get(0).get("outcome").asText())
                .isEqualTo("payment_recorded");
        assertThat(platform.getJson("/v1/invoices/" + invoiceId, key, 200).get("status").asText()).isEqualTo("paid");
    }

    // ------------------------------------------------------------------------------------------------- helpers

    static JsonNode stripeAccount(String webhookSecret) {
        return platform.postJson("/v1/provider-accounts", key, Map.of("providerId", "stripe", "displayName",
                "Stripe (test)", "credentials", Map.of("secret_key", STRIPE_KEY, "api_base_url",
                        STRIPE.baseUri().toString()), "webhookSecret", webhookSecret), 201);
    }

    /** A finalized invoice of one line with 19 % VAT on {@code net}. */
    static String openInvoice(long net) {
        String id = platform.postJson("/v1/invoices", key, Map.of("customerId", customerId, "currency", "EUR",
                "lines", List.of(Map.of("description", "Consulting", "quantity", "1", "unitAmount", net,
                        "taxRates", List.of(Map.of("name", "VAT 19%", "category", "S", "percent", 19))))), 201)
                .get("id").asText();
        platform.postJson("/v1/invoices/" + id + "/finalize", key, Map.of(), 200);
        return id;
    }

    static URI link(String invoiceId, JsonNode account) {
        return URI.create(platform.postJson("/v1/invoices/" + invoiceId + "/payment-links", key,
                Map.of("providerAccountId", account.get("id").asText()), 201).get("url").asText());
    }

    /** Reads the status and releases the connection (the test client's pool is small). */
    static int status(Response response) {
        try (response) {
            return response.getStatus();
        }
    }

    static Response checkout(URI payUrl) {
        return buffered(APP.client().target(platform.url(payUrl.getPath() + "/checkout"))
                .property(ClientProperties.FOLLOW_REDIRECTS, false).request()
                .post(Entity.form(new Form(new MultivaluedHashMap<>()))));
    }

    static Response buffered(Response response) {
        response.bufferEntity();
        return response;
    }

    static Response deliver(JsonNode account, byte[] body, String signature) {
        var request = platform.request(path(account.get("webhookUrl").asText()), null);
        if (signature != null) {
            request = request.header("Stripe-Signature", signature);
        }
        return buffered(request.post(Entity.entity(body, "application/json; charset=utf-8")));
    }

    static String path(String url) {
        return URI.create(url).getPath();
    }

    static String newStripeSecret() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getEncoder().encodeToString(bytes);
    }

    /** The Stripe-Signature header as Stripe builds it: t=unix seconds, v1=HMAC-SHA256(secret, t + "." + body). */
    static String stripeSignature(String secret, byte[] body) throws Exception {
        long t = Instant.now().getEpochSecond();
        return "t=" + t + ",v1=" + hmacHex(secret, t + ".", body);
    }

    static String hmacHex(String secret, String prefix, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update(prefix.getBytes(StandardCharsets.US_ASCII));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    static byte[] checkoutCompleted(String eventId, String sessionId, String invoiceId, long amount, String currency) {
        return ("{\"id\":\"" + eventId + "\",\"object\":\"event\",\"type\":\"checkout.session.completed\","
                + "\"created\":" + Instant.now().getEpochSecond() + ",\"data\":{\"object\":{\"id\":\"" + sessionId
                + "\",\"object\":\"checkout.session\",\"payment_status\":\"paid\",\"payment_intent\":\"pi_"
                + sessionId + "\",\"amount_total\":" + amount + ",\"currency\":\"" + currency + "\","
                + "\"client_reference_id\":\"" + invoiceId + "\",\"metadata\":{\"invoice_reference\":\"" + invoiceId
                + "\"}}}}").getBytes(StandardCharsets.UTF_8);
    }

    static byte[] paymentIntentSucceeded(String eventId, String invoiceId, long amount, String currency) {
        return ("{\"id\":\"" + eventId + "\",\"object\":\"event\",\"type\":\"payment_intent.succeeded\","
                + "\"created\":" + Instant.now().getEpochSecond() + ",\"data\":{\"object\":{\"id\":\"pi_"
                + UUID.randomUUID().toString().replace("-", "") + "\",\"object\":\"payment_intent\","
                + "\"amount_received\":" + amount + ",\"currency\":\"" + currency + "\","
                + "\"metadata\":{\"invoice_reference\":\"" + invoiceId + "\"}}}}").getBytes(StandardCharsets.UTF_8);
    }

    static List<String> auditActions() {
        return new TenantTransactions(platform.jdbi()).read(tenant.id(), tx -> tx.handle()
                .createQuery("SELECT action FROM audit_log WHERE tenant_id = :tenant ORDER BY seq")
                .bind("tenant", tenant.id().value()).mapTo(String.class).list());
    }

    static JsonNode find(JsonNode array, String id) {
        for (JsonNode n : array) {
            if (n.get("id").asText().equals(id)) {
                return n;
            }
        }
        throw new AssertionError("no element " + id + " in " + array);
    }

    static JsonNode plugin(JsonNode plugins, String id) {
        for (JsonNode p : plugins) {
            if (p.get("id").asText().equals(id)) {
                return p;
            }
        }
        throw new AssertionError("no plugin " + id + " in " + plugins);
    }

    static JsonNode providerView(JsonNode plugins, String providerId) {
        for (JsonNode p : plugins) {
            for (JsonNode v : p.get("providers")) {
                if (v.get("descriptor").get("id").asText().equals(providerId)) {
                    return v;
                }
            }
        }
        throw new AssertionError("no provider " + providerId + " in " + plugins);
    }

    // ------------------------------------------------------------------------------------------- the fake Stripe

    static final AtomicInteger SESSIONS = new AtomicInteger();
    static final Pattern EXPIRES_AT = Pattern.compile("(?:^|&)expires_at=([0-9]+)");
    static final Pattern EXPIRE = Pattern.compile("/v1/checkout/sessions/(cs_test_[0-9]+)/expire");
    /** Checkout Session id to its status at the fake Stripe: open, then expired. */
    static final Map<String, String> SESSION_STATUS = new java.util.concurrent.ConcurrentHashMap<>();
    /** When set, runs once while the next session is being created, before Stripe answers. */
    static final java.util.concurrent.atomic.AtomicReference<Runnable> BEFORE_SESSION_ANSWER =
            new java.util.concurrent.atomic.AtomicReference<>();
    static final java.util.concurrent.atomic.AtomicBoolean EXPIRE_FAILS =
            new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * Speaks the part of Stripe's API the plugin uses: creating Checkout Sessions and expiring open ones, authenticated
     * by the secret key.
     */
    static FakeHttpServer fakeStripe() {
        try {
            return FakeHttpServer.start(request -> {
                if (!request.headers().first("Authorization").orElse("").equals("Bearer " + STRIPE_KEY)) {
                    return FakeHttpServer.Reply.json(401, "{\"error\":{\"type\":\"invalid_request_error\"}}");
                }
                if (request.method().equals("POST") && request.path().equals("/v1/checkout/sessions")) {
                    Matcher m = EXPIRES_AT.matcher(request.bodyText());
                    long expires = m.find() ? Long.parseLong(m.group(1)) : Instant.now().getEpochSecond() + 3600;
                    String id = "cs_test_" + SESSIONS.incrementAndGet();
                    SESSION_STATUS.put(id, "open");
                    Runnable meanwhile = BEFORE_SESSION_ANSWER.getAndSet(null);
                    if (meanwhile != null) {
                        meanwhile.run();
                    }
                    return FakeHttpServer.Reply.json(200, "{\"id\":\"" + id + "\",\"object\":\"checkout.session\","
                            + "\"url\":\"" + fakeBase() + "/c/pay/" + id + "\",\"expires_at\":" + expires + "}");
                }
                Matcher expire = EXPIRE.matcher(request.path());
                if (request.method().equals("POST") && expire.matches()
                        && SESSION_STATUS.containsKey(expire.group(1))) {
                    if (EXPIRE_FAILS.get()) {
                        return FakeHttpServer.Reply.json(503, "{\"error\":{\"type\":\"api_error\"}}");
                    }
                    // Stripe expires only an open session.
                    if (!SESSION_STATUS.replace(expire.group(1), "open", "expired")) {
                        return FakeHttpServer.Reply.json(400, "{\"error\":{\"type\":\"invalid_request_error\"}}");
                    }
                    return FakeHttpServer.Reply.json(200, "{\"id\":\"" + expire.group(1)
                            + "\",\"object\":\"checkout.session\",\"status\":\"expired\"}");
                }
                return FakeHttpServer.Reply.json(404, "{\"error\":{\"type\":\"invalid_request_error\"}}");
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String fakeBase() {
        return STRIPE.baseUri().toString();
    }

    static int sessionRequests() {
        return (int) STRIPE.received().stream().filter(r -> r.path().equals("/v1/checkout/sessions")).count();
    }

    static FakeHttpServer.Received lastSessionRequest() {
        List<FakeHttpServer.Received> sessions = new ArrayList<>(STRIPE.received().stream()
                .filter(r -> r.path().equals("/v1/checkout/sessions")).toList());
        return sessions.get(sessions.size() - 1);
    }
}
