package io.billingnow.platform.billing.invoices;

import static org.assertj.core.api.Assertions.assertThat;

import io.billingnow.platform.identity.auth.Role;
import io.billingnow.platform.testing.StatementCount;
import io.billingnow.platform.testing.TestPlatform;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The SQL statements an invoice request runs, counted by the platform's {@code db.statements} meter: a list page
 * costs the same whatever its size, and the state changes write and read the invoice in one statement.
 *
 * <p>Every request by API key runs three fixed statements besides its work: the lockout check, the key's lookup
 * and the tenant transaction's first statement (tenant and read-only setting in one {@code set_config} query).
 * Recording a change in the audit trail takes two more (lock the chain's head, append and move it).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class InvoiceStatementsTest {

    static final TestPlatform platform = new TestPlatform(StatementCount.QUIET_JOBS);

    @RegisterExtension
    static final DropwizardAppExtension<?> APP = platform.app();

    static String key;
    static String customerId;

    @BeforeAll
    static void aTenantWithTwoHundredAndOneInvoices() {
        var tenant = platform.createTenant("statements", "EUR");
        key = platform.apiKey(tenant, Role.ACCOUNTANT);
        customerId = platform.postJson("/v1/customers", key, Map.of("name", "Muster AG"), 201).get("id").asText();
        for (int i = 0; i < 201; i++) {
            platform.postJson("/v1/invoices", key, draft(), 201);
        }
    }

    static Map<String, Object> draft() {
        return Map.of("customerId", customerId, "currency", "EUR", "lines", List.of(
                Map.of("description", "Consulting", "quantity", "2", "unitAmount", 1000,
                        "taxRates", List.of(Map.of("name", "VAT 19%", "category", "S", "percent", 19))),
                Map.of("description", "Book", "quantity", "1", "unitAmount", 500)));
    }

    private static long statements(Runnable request) {
        return StatementCount.during(APP, request);
    }

    @Test
    void aListPageRunsTheSameStatementsForOneInvoiceAsForTwoHundred() {
        long one = statements(() -> assertThat(platform.getJson("/v1/invoices?limit=1", key, 200)
                .get("data")).hasSize(1));
        long twoHundred = statements(() -> {
            var page = platform.getJson("/v1/invoices?limit=200", key, 200).get("data");
            assertThat(page).hasSize(200);
            assertThat(page.get(199).get("lines")).hasSize(2);
        });
        assertThat(twoHundred).isEqualTo(one);
        // Lockout check, key lookup, tenant binding, the page, the page's lines (202 before: a query per invoice).
        assertThat(twoHundred).isEqualTo(5);
    }

    @Test
    void anEmptyPageLoadsNoLines() {
        long empty = statements(() -> assertThat(platform.getJson("/v1/invoices?limit=10&status=paid", key, 200)
                .get("data")).isEmpty());
        assertThat(empty).isEqualTo(4);
    }

    /** Lock, lines, the update returning the row; audit. Before, the invoice and its lines were read back: 10. */
    @Test
    void aVoidWritesAndReturnsTheInvoiceInOneStatement() {
        String id = finalizedInvoice();
        long voiding = statements(() -> assertThat(platform.postJson("/v1/invoices/" + id + "/void", key, Map.of(),
                200).get("status").asText()).isEqualTo("void"));
        assertThat(voiding).isEqualTo(3 + 3 + 2);
    }

    @Test
    void markingUncollectibleWritesAndReturnsTheInvoiceInOneStatement() {
        String id = finalizedInvoice();
        long writingOff = statements(() -> assertThat(platform.postJson("/v1/invoices/" + id + "/mark-uncollectible",
                key, Map.of(), 200).get("status").asText()).isEqualTo("uncollectible"));
        assertThat(writingOff).isEqualTo(3 + 3 + 2);
    }

    /**
     * Lock, lines, customer, tenant (its default currency: the draft names none), the update returning the row,
     * delete and insert the lines; audit. Before, the invoice and its lines were read back: 13.
     */
    @Test
    void replacingADraftWritesAndReturnsItWithoutReadingItBack() {
        String id = platform.postJson("/v1/invoices", key, draft(), 201).get("id").asText();
        long replacing = statements(() -> assertThat(TestPlatform.expect(platform.patch("/v1/invoices/" + id, key,
                "W/\"1\"", Map.of("memo", "Changed")), 200).get("memo").asText()).isEqualTo("Changed"));
        assertThat(replacing).isEqualTo(3 + 6 + 2);
    }

    private static String finalizedInvoice() {
        String id = platform.postJson("/v1/invoices", key, draft(), 201).get("id").asText();
        platform.postJson("/v1/invoices/" + id + "/finalize", key, Map.of(), 200);
        return id;
    }
}
