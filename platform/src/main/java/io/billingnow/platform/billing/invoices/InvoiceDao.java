package io.billingnow.platform.billing.invoices;

import io.billingnow.platform.core.TenantId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The invoices and invoice_lines tables, row by row; {@link InvoiceService} owns every rule about them. */
@RegisterConstructorMapper(InvoiceDao.Row.class)
@RegisterConstructorMapper(InvoiceDao.LineRow.class)
public interface InvoiceDao {

    record Row(UUID id, UUID customerId, String status, String currency, String taxBehavior, String number,
               LocalDate issueDate, LocalDate dueDate, String memo, String discount, long subtotal,
               long discountTotal, long netTotal, long taxTotal, long total, long amountPaid, long amountCredited,
               long amountDue, String taxBreakdown, String sellerSnapshot, String customerSnapshot, String metadata,
               Instant finalizedAt, Instant paidAt, Instant voidedAt, Instant createdAt, Instant updatedAt,
               int version) {
    }

    record LineRow(int position, String description, BigDecimal quantity, long unitAmount, String taxRates,
                   String discount, long amount, long discountAmount, long netAmount) {
    }

    /** The computed columns of a draft, written together whenever its content changes. */
    record Content(UUID customerId, String currency, String taxBehavior, LocalDate issueDate, LocalDate dueDate,
                   String memo, String discount, long subtotal, long discountTotal, long netTotal, long taxTotal,
                   long total, String taxBreakdown, String metadata) {
    }

    String COLUMNS = """
            id, customer_id, status, currency, tax_behavior, number, issue_date, due_date, memo,
            discount::text AS discount, subtotal, discount_total, net_total, tax_total, total, amount_paid,
            amount_credited, amount_due, tax_breakdown::text AS tax_breakdown, seller_snapshot::text AS seller_snapshot,
            customer_snapshot::text AS customer_snapshot, metadata::text AS metadata, finalized_at, paid_at,
            voided_at, created_at, updated_at, version""";

    @SqlQuery("""
            INSERT INTO invoices (tenant_id, id, customer_id, status, currency, tax_behavior, issue_date, due_date,
                                  memo, discount, subtotal, discount_total, net_total, tax_total, total, amount_due,
                                  tax_breakdown, metadata, created_at, updated_at)
            VALUES (:tenant, :id, :c.customerId, 'draft', :c.currency, :c.taxBehavior, :c.issueDate, :c.dueDate,
                    :c.memo, CAST(:c.discount AS jsonb), :c.subtotal, :c.discountTotal, :c.netTotal, :c.taxTotal,
                    :c.total, :c.total, CAST(:c.taxBreakdown AS jsonb), CAST(:c.metadata AS jsonb), :now, :now)
            RETURNING\s""" + COLUMNS)
    Row insertDraft(@Bind("tenant") TenantId tenant, @Bind("id") UUID id, @BindMethods("c") Content content,
                    @Bind("now") Instant now);

    @SqlUpdate("""
            UPDATE invoices SET customer_id = :c.customerId, currency = :c.currency, tax_behavior = :c.taxBehavior,
                   issue_date = :c.issueDate, due_date = :c.dueDate, memo = :c.memo,
                   discount = CAST(:c.discount AS jsonb), subtotal = :c.subtotal, discount_total = :c.discountTotal,
                   net_total = :c.netTotal, tax_total = :c.taxTotal, total = :c.total, amount_due = :c.total,
                   tax_breakdown = CAST(:c.taxBreakdown AS jsonb), metadata = CAST(:c.metadata AS jsonb),
                   updated_at = :now, version = version + 1
            WHERE tenant_id = :tenant AND id = :id AND status = 'draft' AND version = :version""")
    int updateDraft(@Bind("tenant") TenantId tenant, @Bind("id") UUID id, @Bind("version") int version,
                    @BindMethods("c") Content content, @Bind("now") Instant now);

    @SqlBatch("""
            INSERT INTO invoice_lines (tenant_id, invoice_id, position, description, quantity, unit_amount, tax_rates,
                                       discount, amount, discount_amount, net_amount)
            VALUES (:tenant, :invoiceId, :l.position, :l.description, :l.quantity, :l.unitAmount,
                    CAST(:l.taxRates AS jsonb), CAST(:l.discount AS jsonb), :l.amount, :l.discountAmount,
                    :l.netAmount)""")
    void insertLines(@Bind("tenant") TenantId tenant, @Bind("invoiceId") UUID invoiceId,
                     @BindMethods("l") List<LineRow> lines);

    @SqlUpdate("DELETE FROM invoice_lines WHERE tenant_id = :tenant AND invoice_id = :invoiceId")
    void deleteLines(@Bind("tenant") TenantId tenant, @Bind("invoiceId") UUID invoiceId);

    @SqlUpdate("DELETE FROM invoices WHERE tenant_id = :tenant AND id = :id AND status = 'draft'")
    int deleteDraft(@Bind("tenant") TenantId tenant, @Bind("id") UUID id);

    @SqlQuery("SELECT " + COLUMNS + " FROM invoices WHERE tenant_id = :tenant AND id = :id")
    Optional<Row> find(@Bind("tenant") TenantId tenant, @Bind("id") UUID id);

    /** Locks the invoice row for the rest of the transaction: every state change goes through this. */
    @SqlQuery("SELECT " + COLUMNS + " FROM invoices WHERE tenant_id = :tenant AND id = :id FOR UPDATE")
    Optional<Row> lock(@Bind("tenant") TenantId tenant, @Bind("id") UUID id);

    @SqlQuery("""
            SELECT position, description, quantity, unit_amount, tax_rates::text AS tax_rates,
                   discount::text AS discount, amount, discount_amount, net_amount
            FROM invoice_lines WHERE tenant_id = :tenant AND invoice_id = :invoiceId ORDER BY position""")
    List<LineRow> lines(@Bind("tenant") TenantId tenant, @Bind("invoiceId") UUID invoiceId);

    @SqlQuery("""
            UPDATE invoices SET status = :status, number = :number, issue_date = :issueDate, due_date = :dueDate,
                   seller_snapshot = CAST(:seller AS jsonb), customer_snapshot = CAST(:customer AS jsonb),
                   customer_tax_id_encrypted = :buyerTaxId,
                   finalized_at = :now, paid_at = CASE WHEN :status = 'paid' THEN CAST(:now AS timestamptz) END,
                   updated_at = :now, version = version + 1
            WHERE tenant_id = :tenant AND id = :id AND status = 'draft'
            RETURNING\s""" + COLUMNS)
    Optional<Row> finalizeDraft(@Bind("tenant") TenantId tenant, @Bind("id") UUID id, @Bind("status") String status,
                                @Bind("number") String number, @Bind("issueDate") LocalDate issueDate,
                                @Bind("dueDate") LocalDate dueDate, @Bind("seller") String sellerSnapshot,
                                @Bind("customer") String customerSnapshot, @Bind("buyerTaxId") byte[] buyerTaxId,
                                @Bind("now") Instant now);

    /** The buyer's tax id as finalized, encrypted; read only for a caller allowed to see it in full. */
    @SqlQuery("SELECT customer_tax_id_encrypted FROM invoices WHERE tenant_id = :tenant AND id = :id"
            + " AND customer_tax_id_encrypted IS NOT NULL")
    Optional<byte[]> encryptedBuyerTaxId(@Bind("tenant") TenantId tenant, @Bind("id") UUID id);

    @SqlUpdate("""
            UPDATE invoices SET status = :status, updated_at = :now, version = version + 1,
                   amount_due = CASE WHEN :status = 'void' THEN 0 ELSE amount_due END,
                   voided_at = CASE WHEN :status = 'void' THEN CAST(:now AS timestamptz) ELSE voided_at END,
                   marked_uncollectible_at = CASE WHEN :status = 'uncollectible' THEN CAST(:now AS timestamptz)
                                                  ELSE marked_uncollectible_at END
            WHERE tenant_id = :tenant AND id = :id""")
    int setStatus(@Bind("tenant") TenantId tenant, @Bind("id") UUID id, @Bind("status") String status,
                  @Bind("now") Instant now);

    /** Applies money received or credited; the caller has locked the row and computed the new figures. */
    @SqlQuery("""
            UPDATE invoices SET amount_paid = :amountPaid, amount_credited = :amountCredited, amount_due = :amountDue,
                   status = :status, paid_at = CASE WHEN :status = 'paid' AND paid_at IS NULL THEN CAST(:now AS timestamptz)
                                                    ELSE paid_at END,
                   updated_at = :now, version = version + 1
            WHERE tenant_id = :tenant AND id = :id
            RETURNING\s""" + COLUMNS)
    Row settle(@Bind("tenant") TenantId tenant, @Bind("id") UUID id, @Bind("amountPaid") long amountPaid,
               @Bind("amountCredited") long amountCredited, @Bind("amountDue") long amountDue,
               @Bind("status") String status, @Bind("now") Instant now);

    @SqlQuery("""
            SELECT\s""" + COLUMNS + """
             FROM invoices
            WHERE tenant_id = :tenant
              AND (CAST(:status AS text) IS NULL OR status = :status)
              AND (CAST(:customerId AS uuid) IS NULL OR customer_id = CAST(:customerId AS uuid))
              AND (CAST(:number AS text) IS NULL OR number = :number)
              AND (CAST(:createdFrom AS timestamptz) IS NULL OR created_at >= CAST(:createdFrom AS timestamptz))
              AND (CAST(:createdTo AS timestamptz) IS NULL OR created_at < CAST(:createdTo AS timestamptz))
              AND (created_at, id) > (:afterCreated, :afterId)
            ORDER BY created_at, id LIMIT :limit""")
    List<Row> page(@Bind("tenant") TenantId tenant, @Bind("status") String status,
                   @Bind("customerId") UUID customerId, @Bind("number") String number,
                   @Bind("createdFrom") Instant createdFrom, @Bind("createdTo") Instant createdTo,
                   @Bind("afterCreated") Instant afterCreated, @Bind("afterId") UUID afterId,
                   @Bind("limit") int limit);
}
