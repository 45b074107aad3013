package io.billingnow.platform.providers.webhooks;

import static io.billingnow.platform.testing.ExampleBankTransfer.deliver;
import static io.billingnow.platform.testing.ExampleBankTransfer.outcome;
import static io.billingnow.platform.testing.ExampleBankTransfer.transferReceived;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.billingnow.platform.providers.plugins.TestPlugins;
import io.billingnow.platform.testing.ExampleBankTransfer;
import io.billingnow.platform.testing.StatementCount;
import io.billingnow.platform.testing.TenantFixture;
import io.billingnow.platform.testing.TestPlatform;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The SQL statements of {@code POST /webhooks/{publicId}}, counted by the platform's {@code db.statements} meter
 * (docs/performance.md): the endpoint's resolution is one statement before any transaction, and a replay costs no
 * more than its claim. Pinned so that moving the SQL (into DAOs, say) cannot add a round trip unnoticed.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class WebhookStatementsTest {

    static final TestPlatform platform = new TestPlatform(StatementCount.QUIET_JOBS,
            ConfigOverride.config("plugins.directory", TestPlugins.folder().toString()));

    @RegisterExtension
    static final DropwizardAppExtension<?> APP = platform.app();

    static TenantFixture seller;
    static String secret;
    static JsonNode account;

    @BeforeAll
    static void aSellerWithABankTransferAccount() {
        seller = TenantFixture.create(platform, "webhook-statements", "EUR")
                .enableProvider(ExampleBankTransfer.PROVIDER, true);
        secret = ExampleBankTransfer.newSecret();
        account = platform.postJson("/v1/provider-accounts", seller.key(), ExampleBankTransfer.account(secret), 201);
    }

    static String id(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "");
    }

    private static long statements(Runnable request) {
        return StatementCount.during(APP, request);
    }

    /**
     * Lockout check, the endpoint's resolution, the account in a read transaction, then the write transaction
     * (claim, lock, payment, settle, audit). A replay stops at its claim.
     */
    @Test
    void aPaymentAndItsReplayCostAFixedNumberOfStatements() {
        String invoice = seller.openInvoice(1_000);
        byte[] body = transferReceived(id("ev_"), id("tr_"), invoice, 400);

        long recording = statements(() -> assertThat(outcome(deliver(platform, account, secret, body)))
                .isEqualTo("payment_recorded"));
        long replaying = statements(() -> assertThat(outcome(deliver(platform, account, secret, body)))
                .isEqualTo("duplicate"));

        assertThat(recording).isEqualTo(14);
        assertThat(replaying).isEqualTo(6);
    }

    /** As far as the signature check, then the security event: the list, the tenant's audit trail, the window. */
    @Test
    void aForgedDeliveryCostsItsResolutionTheAccountAndItsSecurityEvent() {
        String invoice = seller.openInvoice(1_000);
        byte[] body = transferReceived(id("ev_"), id("tr_"), invoice, 400);

        long refused = statements(() -> assertThat(deliver(platform, account, ExampleBankTransfer.newSecret(), body)
                .getStatus()).isEqualTo(400));

        assertThat(refused).isEqualTo(9);
    }

    /** Lockout check and the endpoint's resolution; nothing else. */
    @Test
    void anUnknownEndpointIsOneLookup() {
        String unknown = "whk_" + "A".repeat(43);
        long refused = statements(() -> assertThat(TestPlatform.buffered(platform.request("/webhooks/" + unknown,
                null).post(jakarta.ws.rs.client.Entity.json("{}"))).getStatus()).isEqualTo(404));
        assertThat(refused).isEqualTo(2);
    }
}
