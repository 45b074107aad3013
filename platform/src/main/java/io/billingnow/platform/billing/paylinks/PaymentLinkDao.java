package io.billingnow.platform.billing.paylinks;

import io.billingnow.platform.core.TenantId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Payment links. The token itself is never stored, only its SHA-256. */
@RegisterConstructorMapper(PaymentLinkDao.Row.class)
@RegisterConstructorMapper(PaymentLinkDao.Payable.class)
public interface PaymentLinkDao {

    record Row(UUID id, UUID invoiceId, UUID accountId, Instant expiresAt, Instant revokedAt, Instant createdAt,
               String checkoutUrl, String checkoutReference, Long checkoutAmount, Instant checkoutExpiresAt,
               Instant checkoutClosedAt) {
    }

    @SqlUpdate("""
            INSERT INTO payment_links (tenant_id, id, invoice_id, account_id, token_hash, expires_at, created_at)
            VALUES (:tenant, :id, :invoiceId, :accountId, :tokenHash, :expiresAt, :now)""")
    void insert(@Bind("tenant") TenantId tenant, @Bind("id") UUID id, @Bind("invoiceId") UUID invoiceId,
                @Bind("accountId") UUID accountId, @Bind("tokenHash") byte[] tokenHash,
                @Bind("expiresAt") Instant expiresAt, @Bind("now") Instant now);

    String COLUMNS = "id, invoice_id, account_id, expires_at, revoked_at, created_at, checkout_url, checkout_reference,"
            + " checkout_amount, checkout_expires_at, checkout_closed_at";

    @SqlQuery("SELECT " + COLUMNS + " FROM payment_links WHERE tenant_id = :tenant AND id = :id")
    Optional<Row> find(@Bind("tenant") TenantId tenant, @Bind("id") UUID id);

    @SqlQuery("SELECT " + COLUMNS + " FROM payment_links WHERE tenant_id = :tenant AND invoice_id = :invoiceId"
            + " ORDER BY created_at, id")
    java.util.List<Row> forInvoice(@Bind("tenant") TenantId tenant, @Bind("invoiceId") UUID invoiceId);

    /** What the pay page needs of a link and its invoice, in one statement: no lines, no snapshots but a name. */
    record Payable(UUID id, Instant expiresAt, Instant revokedAt, String invoiceStatus, String invoiceNumber,
                   long amountDue, String currency, String sellerName) {
    }

    @SqlQuery("""
            SELECT l.id, l.expires_at, l.revoked_at, i.status AS invoice_status, i.number AS invoice_number,
                   i.amount_due, i.currency,
                   CASE WHEN jsonb_typeof(i.seller_snapshot -> 'name') = 'string'
                        THEN i.seller_snapshot ->> 'name' END AS seller_name
            FROM payment_links l JOIN invoices i ON i.tenant_id = l.tenant_id AND i.id = l.invoice_id
            WHERE l.tenant_id = :tenant AND l.id = :id""")
    Optional<Payable> payable(@Bind("tenant") TenantId tenant, @Bind("id") UUID id);

    @SqlUpdate("UPDATE payment_links SET revoked_at = :now WHERE tenant_id = :tenant AND id = :id"
            + " AND revoked_at IS NULL")
    int revoke(@Bind("tenant") TenantId tenant, @Bind("id") UUID id, @Bind("now") Instant now);

    /** Keeps the checkout opened for a link; 0 when the link was revoked meanwhile (then the checkout is not kept). */
    @SqlUpdate("""
            UPDATE payment_links SET checkout_url = :url, checkout_reference = :reference, checkout_amount = :amount,
                                     checkout_expires_at = :expiresAt, checkout_closed_at = NULL
            WHERE tenant_id = :tenant AND id = :id AND revoked_at IS NULL""")
    int setCheckout(@Bind("tenant") TenantId tenant, @Bind("id") UUID id, @Bind("url") String url,
                     @Bind("reference") String reference, @Bind("amount") long amount,
                     @Bind("expiresAt") Instant expiresAt);

    @SqlUpdate("UPDATE payment_links SET checkout_closed_at = :now WHERE tenant_id = :tenant AND id = :id")
    void checkoutClosed(@Bind("tenant") TenantId tenant, @Bind("id") UUID id, @Bind("now") Instant now);
}
