package io.billingnow.platform.billing.paylinks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.billingnow.platform.core.tx.TenantTransactions;
import io.billingnow.platform.providers.plugins.TestPlugins;
import io.billingnow.platform.testing.ExampleBankTransfer;
import io.billingnow.platform.testing.TenantFixture;
import io.billingnow.platform.testing.TestPlatform;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The rules of {@code POST /v1/invoices/{id}/payment-links} and {@code DELETE /v1/payment-links/{id}}
 * (docs/payments.md, "Payment links"): only an invoice with something due gets a link, its lifetime is bounded, its
 * token is shown once and neither stored nor audited, and revoking is audited once. What the payer sees, checkouts
 * at the provider and their closing are {@link PaymentFlowEndToEndTest}'s.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class IssuingAPaymentLinkTest {

    static final TestPlatform platform = new TestPlatform(
            ConfigOverride.config("plugins.directory", TestPlugins.folder().toString()));

    @RegisterExtension
    static final DropwizardAppExtension<?> APP = platform.app();

    static TenantFixture seller;
    static String accountId;

    @BeforeAll
    static void aSellerWithABankTransferAccount() {
        seller = TenantFixture.create(platform, "linking", "EUR").enableProvider(ExampleBankTransfer.PROVIDER, true);
        accountId = platform.postJson("/v1/provider-accounts", seller.key(),
                ExampleBankTransfer.account(ExampleBankTransfer.newSecret()), 201).get("id").asText();
    }

    static Response link(String invoiceId, Map<String, ?> fields) {
        return platform.post("/v1/invoices/" + invoiceId + "/payment-links", seller.key(), fields);
    }

    static JsonNode refused(Response response, int status, String type) {
        JsonNode problem = TestPlatform.expect(response, status);
        assertThat(problem.get("type").asText()).endsWith("/" + type);
        return problem;
    }

    static int links(String invoiceId) {
        return new TenantTransactions(platform.jdbi()).read(seller.tenant().id(), tx -> tx.handle().createQuery(
                        "SELECT count(*) FROM payment_links WHERE tenant_id = :tenant AND invoice_id = :invoice")
                .bind("tenant", seller.tenant().id().value()).bind("invoice", UUID.fromString(invoiceId))
                .mapTo(Integer.class).one());
    }

    @Test
    void onlyAnInvoiceWithSomethingDueGetsAPaymentLink() {
        String draft = seller.draft(1_000, "EUR");
        String paid = seller.openInvoice(1_000);
        TestPlatform.expect(seller.pay(paid, Map.of("amount", 1_000, "currency", "EUR", "method", "cash")), 201);
        String voided = seller.openInvoice(1_000);
        platform.postJson("/v1/invoices/" + voided + "/void", seller.key(), Map.of(), 200);
        String credited = seller.openInvoice(1_000);
        platform.postJson("/v1/invoices/" + credited + "/credit-notes", seller.key(), Map.of("reason", "All"), 201);

        for (String invoice : List.of(draft, paid, voided, credited)) {
            refused(link(invoice, Map.of("providerAccountId", accountId)), 409, "invoice-not-payable");
            assertThat(links(invoice)).isZero();
        }
        String uncollectible = seller.openInvoice(1_000);
        platform.postJson("/v1/invoices/" + uncollectible + "/mark-uncollectible", seller.key(), Map.of(), 200);
        TestPlatform.expect(link(uncollectible, Map.of("providerAccountId", accountId)), 201);
    }

    @Test
    void aLinkNeedsAnAccountOfTheTenantAndALifetimeOfAtLeastAMinute() {
        String invoice = seller.openInvoice(1_000);
        JsonNode noAccount = refused(link(invoice, Map.of()), 400, "invalid-request");
        assertThat(noAccount.get("errors").get(0).get("pointer").asText()).isEqualTo("/providerAccountId");
        JsonNode unknown = refused(link(invoice, Map.of("providerAccountId", UUID.randomUUID().toString())), 400,
                "invalid-request");
        assertThat(unknown.get("errors").get(0).get("pointer").asText()).isEqualTo("/providerAccountId");
        for (long seconds : List.of(59L, 0L, -1L)) {
            JsonNode tooShort = refused(link(invoice, Map.of("providerAccountId", accountId, "expiresInSeconds",
                    seconds)), 400, "invalid-request");
            assertThat(tooShort.get("errors").get(0).get("pointer").asText()).as("%d s", seconds)
                    .isEqualTo("/expiresInSeconds");
        }
        refused(link(UUID.randomUUID().toString(), Map.of("providerAccountId", accountId)), 404, "not-found");
        assertThat(links(invoice)).isZero();
        TestPlatform.expect(link(invoice, Map.of("providerAccountId", accountId, "expiresInSeconds", 60)), 201);
    }

    @Test
    void theLinksTokenIsShownOnceAndNeitherStoredNorAudited() {
        String invoice = seller.openInvoice(1_000);
        Response created = link(invoice, Map.of("providerAccountId", accountId));
        JsonNode link = TestPlatform.expect(created, 201);
        assertThat(created.getHeaderString("Cache-Control")).isEqualTo("no-store");
        String token = URI.create(link.get("url").asText()).getPath().substring("/pay/".length());
        assertThat(token).matches("pl_[A-Za-z0-9_-]{43}");

        List<TenantFixture.AuditEntry> audited = seller.audit("payment_link.created").stream()
                .filter(e -> e.entityId().equals(link.get("id").asText())).toList();
        assertThat(audited).hasSize(1);
        assertThat(audited.get(0).after().get("invoiceId").asText()).isEqualTo(invoice);
        assertThat(seller.wholeAuditLog()).doesNotContain(token);
        String stored = new TenantTransactions(platform.jdbi()).read(seller.tenant().id(), tx -> tx.handle()
                .createQuery("SELECT to_jsonb(l)::text FROM payment_links l WHERE tenant_id = :tenant AND id = :id")
                .bind("tenant", seller.tenant().id().value()).bind("id", UUID.fromString(link.get("id").asText()))
                .mapTo(String.class).one());
        assertThat(stored).doesNotContain(token).doesNotContain(token.substring(3));
    }

    @Test
    void aLinkIsRevokedOnceAndAnUnknownLinkIsNotFound() {
        String invoice = seller.openInvoice(1_000);
        String id = TestPlatform.expect(link(invoice, Map.of("providerAccountId", accountId)), 201).get("id").asText();

        JsonNode first = TestPlatform.expect(platform.request("/v1/payment-links/" + id, seller.key()).delete(), 200);
        JsonNode again = TestPlatform.expect(platform.request("/v1/payment-links/" + id, seller.key()).delete(), 200);

        assertThat(again.get("revokedAt").asText()).as("the first revocation stands")
                .isEqualTo(first.get("revokedAt").asText());
        assertThat(first.get("providerCheckout").asText()).isEqualTo("none");
        assertThat(seller.audit("payment_link.revoked").stream().filter(e -> e.entityId().equals(id))).hasSize(1);
        refused(TestPlatform.buffered(platform.request("/v1/payment-links/" + UUID.randomUUID(), seller.key())
                .delete()), 404, "not-found");
    }
}
