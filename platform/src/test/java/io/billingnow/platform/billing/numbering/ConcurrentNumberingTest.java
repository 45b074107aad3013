package io.billingnow.platform.billing.numbering;

import static org.assertj.core.api.Assertions.assertThat;

import io.billingnow.platform.identity.auth.Role;
import io.billingnow.platform.testing.TestPlatform;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Many finalizations at once, from many threads and through two app instances sharing one database (two nodes of a
 * cluster): every invoice gets a number, no number twice, none skipped.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ConcurrentNumberingTest {

    static final TestPlatform nodeOne = new TestPlatform();
    static final TestPlatform nodeTwo = new TestPlatform(nodeOne.database());

    @RegisterExtension
    static final DropwizardAppExtension<?> APP_ONE = nodeOne.app();
    @RegisterExtension
    static final DropwizardAppExtension<?> APP_TWO = nodeTwo.app();

    static String key;
    static String customer;

    @BeforeAll
    static void tenant() {
        var tenant = nodeOne.createTenant("numbering", "EUR");
        key = nodeOne.apiKey(tenant, Role.ACCOUNTANT);
        customer = nodeOne.postJson("/v1/customers", key, Map.of("name", "C"), 201).get("id").asText();
    }

    @Test
    void finalizationsOnTwoNodesAndManyThreadsAreGaplessAndUnique() throws Exception {
        int invoices = 60;
        List<String> drafts = new ArrayList<>();
        for (int i = 0; i < invoices; i++) {
            drafts.add(nodeOne.postJson("/v1/invoices", key, Map.of("customerId", customer, "lines", List.of(
                    Map.of("description", "Item", "quantity", "1", "unitAmount", 100 + i))), 201).get("id").asText());
        }
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Future<String>> numbers = new ArrayList<>();
            for (int i = 0; i < invoices; i++) {
                TestPlatform node = i % 2 == 0 ? nodeOne : nodeTwo;
                String id = drafts.get(i);
                Callable<String> finalize = () -> node.postJson("/v1/invoices/" + id + "/finalize", key, Map.of(), 200)
                        .get("number").asText();
                numbers.add(pool.submit(finalize));
            }
            List<Long> counters = new ArrayList<>();
            for (Future<String> number : numbers) {
                String value = number.get();
                counters.add(Long.parseLong(value.substring(value.lastIndexOf('-') + 1)));
            }
            assertThat(counters).containsExactlyInAnyOrderElementsOf(
                    LongStream.rangeClosed(1, invoices).boxed().toList());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRolledBackAllocationGivesItsNumberBack() {
        var tenant = nodeOne.tenantBySlug("numbering").orElseThrow();
        var transactions = new io.billingnow.platform.core.tx.TenantTransactions(nodeOne.jdbi());
        var allocator = new DocumentNumberAllocator();
        var format = NumberingFormat.parse("T-{SEQ:3}");
        String first = transactions.write(tenant.id(), tx -> allocator.next(tx, DocumentSeries.CREDIT_NOTE, format, java.time.LocalDate.of(2030, 1, 1)));
        try {
            transactions.write(tenant.id(), tx -> {
                allocator.next(tx, DocumentSeries.CREDIT_NOTE, format, java.time.LocalDate.of(2030, 1, 1));
                throw new IllegalStateException("finalization failed after numbering");
            });
        } catch (IllegalStateException expected) {
            // the transaction rolled back, and its number with it
        }
        String next = transactions.write(tenant.id(), tx -> allocator.next(tx, DocumentSeries.CREDIT_NOTE, format, java.time.LocalDate.of(2030, 1, 1)));
        assertThat(counter(next)).isEqualTo(counter(first) + 1);
    }

    private static long counter(String number) {
        return Long.parseLong(number.substring(number.lastIndexOf('-') + 1));
    }
}
