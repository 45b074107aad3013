package io.billingnow.platform.billing.payments;

import io.billingnow.platform.core.TenantId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(Payment.class)
public interface PaymentDao {

    @SqlUpdate("""
            INSERT INTO payments (tenant_id, id, invoice_id, kind, method, amount, currency, applied_amount,
                                  excess_amount, reference, provider, provider_reference, received_at, created_at)
            VALUES (:tenant, :p.id, :p.invoiceId, :p.kind, :p.method, :p.amount, :p.currency, :p.appliedAmount,
                    :p.excessAmount, :p.reference, :p.provider, :p.providerReference, :p.receivedAt, :p.createdAt)""")
    void insert(@Bind("tenant") TenantId tenant, @BindMethods("p") Payment payment);

    /**
     * Inserts a payment a provider announced; 0 when the account's payment reference is already recorded. The
     * unique constraint decides: an insert racing another of the same reference waits for it, then inserts nothing.
     */
    @SqlUpdate("""
            INSERT INTO payments (tenant_id, id, invoice_id, kind, method, amount, currency, applied_amount,
                                  excess_amount, reference, provider, provider_reference, provider_account_id,
                                  received_at, created_at)
            VALUES (:tenant, :p.id, :p.invoiceId, :p.kind, :p.method, :p.amount, :p.currency, :p.appliedAmount,
                    :p.excessAmount, :p.reference, :p.provider, :p.providerReference, :accountId, :p.receivedAt,
                    :p.createdAt)
            ON CONFLICT ON CONSTRAINT payments_provider_reference_once DO NOTHING""")
    int insertOnce(@Bind("tenant") TenantId tenant, @BindMethods("p") Payment payment,
                   @Bind("accountId") UUID providerAccountId);

    @SqlQuery("""
            SELECT id FROM payments
            WHERE tenant_id = :tenant AND provider_account_id = :accountId AND provider_reference = :reference""")
    Optional<UUID> idByProviderReference(@Bind("tenant") TenantId tenant, @Bind("accountId") UUID providerAccountId,
                                         @Bind("reference") String providerReference);

    @SqlQuery("""
            SELECT id, invoice_id, kind, method, amount, currency, applied_amount, excess_amount, reference, provider,
                   provider_reference, received_at, created_at
            FROM payments WHERE tenant_id = :tenant AND invoice_id = :invoiceId ORDER BY created_at, id""")
    List<Payment> forInvoice(@Bind("tenant") TenantId tenant, @Bind("invoiceId") UUID invoiceId);

    @SqlUpdate("""
            INSERT INTO customer_credit_entries (tenant_id, id, customer_id, currency, amount, reason, invoice_id,
                                                 source_id, created_at)
            VALUES (:tenant, :id, :customerId, :currency, :amount, :reason, :invoiceId, :sourceId, :now)""")
    void addCredit(@Bind("tenant") TenantId tenant, @Bind("id") UUID id, @Bind("customerId") UUID customerId,
                   @Bind("currency") String currency, @Bind("amount") long amount, @Bind("reason") String reason,
                   @Bind("invoiceId") UUID invoiceId, @Bind("sourceId") UUID sourceId, @Bind("now") Instant now);

    /** A sum of many entries: read as SQL numeric, so no number of entries can overflow it. */
    record CreditBalance(String currency, BigDecimal amount) {
    }

    @SqlQuery("""
            SELECT currency, sum(amount) AS amount FROM customer_credit_entries
            WHERE tenant_id = :tenant AND customer_id = :customerId GROUP BY currency ORDER BY currency""")
    @RegisterConstructorMapper(CreditBalance.class)
    List<CreditBalance> creditBalances(@Bind("tenant") TenantId tenant, @Bind("customerId") UUID customerId);

    @SqlQuery("""
            SELECT currency, SUM(CASE WHEN kind = 'refund' THEN -amount ELSE amount END) AS amount
              FROM payments
             WHERE tenant_id = :tenant AND received_at >= :from AND received_at < :to
             GROUP BY currency ORDER BY currency""")
    @RegisterConstructorMapper(ReceivedMoney.class)
    List<ReceivedMoney> receivedBetween(@Bind("tenant") TenantId tenant, @Bind("from") java.time.Instant from,
                                   @Bind("to") java.time.Instant to);

    @SqlQuery("""
            SELECT p.id, p.invoice_id, i.number AS invoice_number, p.kind, p.method, p.amount, p.currency,
                   p.received_at
              FROM payments p JOIN invoices i ON i.tenant_id = p.tenant_id AND i.id = p.invoice_id
             WHERE p.tenant_id = :tenant
             ORDER BY p.received_at DESC, p.id DESC
             LIMIT :limit""")
    @RegisterConstructorMapper(RecentPayment.class)
    List<RecentPayment> latest(@Bind("tenant") TenantId tenant, @Bind("limit") int limit);
}
