package io.billingnow.platform.billing.payments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.billingnow.platform.identity.auth.Role;
import io.billingnow.platform.testing.TestPlatform;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.math.BigInteger;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Payments and invoices that cannot be real are refused with a pointer, and nothing is written: amounts beyond the
 * configured bound of their currency, money received in 1900 or next month, a second payment of a paid invoice
 * (unless kept as credit), an issue date years ahead. What is stored can always be read back, whatever it sums to.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ImplausibleMoneyTest {

    static final TestPlatform platform = new TestPlatform(
            ConfigOverride.config("payments.maxMajorUnits", "1000000"),
            ConfigOverride.config("invoices.issueDateMaxDaysAhead", "30"));

    @RegisterExtension
    static final DropwizardAppExtension<?> APP = platform.app();

    static String key;
    static String customerId;

    @BeforeAll
    static void tenant() {
        var tenant = platform.createTenant("implausible", "EUR");
        key = platform.apiKey(tenant, Role.OWNER);
        customerId = platform.postJson("/v1/customers", key, Map.of("name", "C"), 201).get("id").asText();
    }

    static String openInvoice(long amount) {
        String id = platform.postJson("/v1/invoices", key, Map.of("customerId", customerId, "lines",
                List.of(Map.of("description", "x", "quantity", "1", "unitAmount", amount))), 201).get("id").asText();
        platform.postJson("/v1/invoices/" + id + "/finalize", key, Map.of(), 200);
        return id;
    }

    static String pointerOf(JsonNode problem) {
        return problem.get("errors").get(0).get("pointer").asText();
    }

    static int paymentsOf(String invoiceId) {
        return platform.getJson("/v1/invoices/" + invoiceId + "/payments", key, 200).get("data").size();
    }

    @Test
    void anAmountBeyondTheCurrencysBoundIsRefusedWithAPointer() {
        String invoice = openInvoice(1000);
        JsonNode problem = platform.postJson("/v1/invoices/" + invoice + "/payments", key,
                Map.of("amount", Long.MAX_VALUE, "currency", "EUR", "method", "bank_transfer"), 400);
        assertThat(pointerOf(problem)).isEqualTo("/amount");
        assertThat(problem.get("requestId").asText()).isNotBlank();
        // The bound is in major units: 1,000,000 EUR is 100,000,000 cents; one cent more is refused.
        platform.postJson("/v1/invoices/" + invoice + "/payments", key,
                Map.of("amount", 100_000_001L, "currency", "EUR", "method", "bank_transfer"), 400);
        assertThat(paymentsOf(invoice)).isZero();
        platform.postJson("/v1/invoices/" + invoice + "/payments", key,
                Map.of("amount", 100_000_000L, "currency", "EUR", "method", "bank_transfer"), 201);
    }

    @Test
    void moneyReceivedLongAgoOrInTheFutureIsRefused() {
        String invoice = openInvoice(1000);
        for (Instant when : List.of(Instant.parse("1900-01-01T00:00:00Z"),
                Instant.now().plus(30, ChronoUnit.DAYS))) {
            JsonNode problem = platform.postJson("/v1/invoices/" + invoice + "/payments", key, Map.of("amount", 500,
                    "currency", "EUR", "method", "cash", "receivedAt", when.toString()), 400);
            assertThat(pointerOf(problem)).as(when.toString()).isEqualTo("/receivedAt");
        }
        assertThat(paymentsOf(invoice)).isZero();
        platform.postJson("/v1/invoices/" + invoice + "/payments", key, Map.of("amount", 500, "currency", "EUR",
                "method", "cash", "receivedAt", Instant.now().minus(40, ChronoUnit.DAYS).toString()), 201);
    }

    @Test
    void aPaidInvoiceTakesNoMorePaymentsUnlessTheMoneyIsKeptAsCredit() {
        String invoice = openInvoice(1000);
        platform.postJson("/v1/invoices/" + invoice + "/payments", key,
                Map.of("amount", 1000, "currency", "EUR", "method", "bank_transfer"), 201);
        JsonNode refused = platform.postJson("/v1/invoices/" + invoice + "/payments", key,
                Map.of("amount", 1000, "currency", "EUR", "method", "bank_transfer"), 409);
        assertThat(refused.get("type").asText()).endsWith("/invoice-paid");
        assertThat(paymentsOf(invoice)).isEqualTo(1);

        JsonNode credit = platform.postJson("/v1/invoices/" + invoice + "/payments", key,
                Map.of("amount", 250, "currency", "EUR", "method", "bank_transfer", "asCredit", true), 201);
        assertThat(credit.get("appliedAmount").asLong()).isZero();
        assertThat(credit.get("excessAmount").asLong()).isEqualTo(250);
        JsonNode balance = platform.getJson("/v1/customers/" + customerId + "/credit-balance", key, 200);
        assertThat(balance.toString()).contains("\"currency\":\"EUR\"");
    }

    @Test
    void aCreditBalanceBeyond64BitsIsStillReadExactly() throws SQLException {
        var tenant = platform.createTenant("huge-credit", "EUR");
        String owner = platform.apiKey(tenant, Role.OWNER);
        String customer = platform.postJson("/v1/customers", owner, Map.of("name", "Rich"), 201).get("id").asText();
        // Stored before amounts were bounded: three entries whose sum no 64-bit integer holds.
        try (var c = platform.database().superuserConnection(); var ps = c.prepareStatement("""
                INSERT INTO customer_credit_entries (tenant_id, id, customer_id, currency, amount, reason, created_at)
                VALUES (?, ?, ?::uuid, 'EUR', ?, 'overpayment', now())""")) {
            for (int i = 0; i < 3; i++) {
                ps.setObject(1, tenant.id().value());
                ps.setObject(2, UUID.randomUUID());
                ps.setString(3, customer);
                ps.setLong(4, Long.MAX_VALUE);
                ps.executeUpdate();
            }
        }
        JsonNode balance = platform.getJson("/v1/customers/" + customer + "/credit-balance", owner, 200);
        assertThat(balance.at("/data/0/amount").bigIntegerValue())
                .isEqualTo(BigInteger.valueOf(Long.MAX_VALUE).multiply(BigInteger.valueOf(3)));
    }

    @Test
    void aVoidedInvoiceHasNothingDue() {
        String invoice = openInvoice(1000);
        JsonNode voided = platform.postJson("/v1/invoices/" + invoice + "/void", key, Map.of(), 200);
        assertThat(voided.get("status").asText()).isEqualTo("void");
        assertThat(voided.get("amountDue").asLong()).isZero();
        assertThat(platform.getJson("/v1/invoices/" + invoice, key, 200).get("amountDue").asLong()).isZero();
    }

    @Test
    void anIssueDateTooFarAheadIsRefusedWithAPointer() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        JsonNode problem = platform.postJson("/v1/invoices", key, Map.of("customerId", customerId,
                "issueDate", today.plusDays(31).toString(), "lines", List.of()), 422);
        assertThat(problem.get("type").asText()).endsWith("/issue-date-too-far-ahead");
        assertThat(pointerOf(problem)).isEqualTo("/issueDate");
        platform.postJson("/v1/invoices", key, Map.of("customerId", customerId,
                "issueDate", today.plusDays(29).toString(), "lines", List.of()), 201);
    }
}
