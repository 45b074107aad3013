package io.billingnow.platform.billing.paylinks;

import static org.assertj.core.api.Assertions.assertThat;

import io.billingnow.platform.providers.plugins.TestPlugins;
import io.billingnow.platform.testing.ExampleBankTransfer;
import io.billingnow.platform.testing.StatementCount;
import io.billingnow.platform.testing.TenantFixture;
import io.billingnow.platform.testing.TestPlatform;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The SQL statements of the pay page, counted by the platform's {@code db.statements} meter (docs/performance.md):
 * the token's resolution is one statement before any transaction, then one query reads the link and its invoice's
 * header. Pinned so that moving the SQL (into DAOs, say) cannot add a round trip unnoticed.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class PayPageStatementsTest {

    static final TestPlatform platform = new TestPlatform(StatementCount.QUIET_JOBS,
            ConfigOverride.config("plugins.directory", TestPlugins.folder().toString()));

    @RegisterExtension
    static final DropwizardAppExtension<?> APP = platform.app();

    static TenantFixture seller;
    static String accountId;

    @BeforeAll
    static void aSellerWithABankTransferAccount() {
        seller = TenantFixture.create(platform, "paypage-statements", "EUR")
                .enableProvider(ExampleBankTransfer.PROVIDER, true);
        accountId = platform.postJson("/v1/provider-accounts", seller.key(),
                ExampleBankTransfer.account(ExampleBankTransfer.newSecret()), 201).get("id").asText();
    }

    private static long statements(Runnable request) {
        return StatementCount.during(APP, request);
    }

    /** Lockout check, the token's resolution, the read transaction's tenant binding and its one query. */
    @Test
    void aLivePayPageIsTheTokensResolutionAndOneQuery() {
        String invoice = seller.openInvoice(1_000);
        String url = platform.postJson("/v1/invoices/" + invoice + "/payment-links", seller.key(),
                Map.of("providerAccountId", accountId), 201).get("url").asText();
        String path = URI.create(url).getPath();

        long page = statements(() -> assertThat(TestPlatform.buffered(platform.get(path, null)).getStatus())
                .isEqualTo(200));

        assertThat(page).isEqualTo(4);
    }

    /** Lockout check and the token's resolution; nothing else. */
    @Test
    void anUnknownTokenIsOneLookup() {
        long page = statements(() -> assertThat(TestPlatform.buffered(platform.get("/pay/pl_" + "Q".repeat(43),
                null)).getStatus()).isEqualTo(404));
        assertThat(page).isEqualTo(2);
    }
}
