package io.billingnow.platform.billing.invoices;

import io.billingnow.platform.core.TenantId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.Nested;
import org.jdbi.v3.json.Json;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The invoices and invoice_lines tables, row by row; {@link InvoiceService} owns every rule about them. jsonb columns
 * travel as typed values ({@code @Json}, read and written by the API's mapper); a write that changes a row returns it
 * ({@code RETURNING}) instead of reading it back.
 */
@RegisterConstructorMapper(InvoiceDao.Row.class)
@RegisterConstructorMapper(InvoiceDao.LineRow.class)
@RegisterConstructorMapper(InvoiceDao.InvoiceLineRow.class)
public interface InvoiceDao {

    record Row(UUID id, String number, String status, UUID customerId, String currency, String taxBehavior,
               LocalDate issueDate, LocalDate dueDate, String memo, @Json DiscountFields discount,
               @Json List<TaxLine> taxBreakdown, @Nested InvoiceAmounts amounts,
               @Nested InvoiceSettlement settlement, @Nested Snapshots snapshots,
               @Json Map<String, String> metadata, @Nested InvoiceTimestamps timestamps, int version) {
    }

    /** Seller and customer as of finalization; the columns are named {@code *_snapshot}. */
    record Snapshots(@Json Map<String, Object> seller, @Json Map<String, Object> customer) {
    }

    record LineRow(int position, String description, BigDecimal quantity, long unitAmount,
                   @Json List<TaxRateFields> taxRates, @Json DiscountFields discount, long amount,
                   long discountAmount, long netAmount) {
    }

    /** A line of one of several invoices, loaded together for a page. */
    record InvoiceLineRow(UUID invoiceId, @Nested LineRow line) {
    }

    /** The computed columns of a draft, written together whenever its content changes. */
    record Content(UUID customerId, String currency, String taxBehavior, LocalDate issueDate, LocalDate dueDate,
                   String memo, @Json DiscountFields discount, InvoiceAmounts amounts,
                   @Json List<TaxLine> taxBreakdown, @Json Map<String, String> metadata) {
    }

    String COLUMNS = """
            id, number, status, customer_id, currency, tax_behavior, issue_date, due_date, memo, discount,
            tax_breakdown, subtotal, discount_total, net_total, tax_total, total, amount_paid, amount_credited,
            amount_due, seller_snapshot AS seller, customer_snapshot AS customer, metadata, finalized_at, paid_at,
            voided_at, created_at, updated_at, version""";

    String LINE_COLUMNS = """
            position, description, quantity, unit_amount, tax_rates, discount, amount, discount_amount, net_amount""";

    @SqlQuery("""
            INSERT INTO invoices (tenant_id, id, customer_id, status, currency, tax_behavior, issue_date, due_date,
                                  memo, discount, subtotal, discount_total, net_total, tax_total, total, amount_due,
                                  tax_breakdown, metadata, created_at, updated_at)
            VALUES (:tenant, :id, :c.customerId, 'draft', :c.currency, :c.taxBehavior, :c.issueDate, :c.dueDate,
                    :c.memo, CAST(:c.discount AS jsonb), :c.amounts.subtotal, :c.amounts.discountTotal,
                    :c.amounts.netTotal, :c.amounts.taxTotal, :c.amounts.total, :c.amounts.total,
                    CAST(:c.taxBreakdown AS jsonb), CAST(:c.metadata AS jsonb), :now, :now)
            RETURNING\s""" + COLUMNS)
    Row insertDraft(@Bind("tenant") TenantId tenant, @Bind("id") UUID id, @BindMethods("c") Content content,
                    @Bind("now") Instant now);

    /** Empty when the draft is gone, finalized or at another version. */
    @SqlQuery("""
            UPDATE invoices SET customer_id = :c.customerId, currency = :c.currency, tax_behavior = :c.taxBehavior,
                   issue_date = :c.issueDate, due_date = :c.dueDate, memo = :c.memo,
                   discount = CAST(:c.discount AS jsonb), subtotal = :c.amounts.subtotal,
                   discount_total = :c.amounts.discountTotal, net_total = :c.amounts.netTotal,
                   tax_total = :c.amounts.taxTotal, total = :c.amounts.total, amount_due = :c.amounts.total,
                   tax_breakdown = CAST(:c.taxBreakdown AS jsonb), metadata = CAST(:c.metadata AS jsonb),
                   updated_at = :now, version = version + 1
            WHERE tenant_id = :tenant AND id = :id AND status = 'draft' AND version = :version
            RETURNING\s""" + COLUMNS)
    Optional<Row> updateDraft(@Bind("tenant") TenantId tenant, @Bind("id") UUID id, @Bind("version") int version,
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

    @SqlQuery("SELECT " + LINE_COLUMNS + " FROM invoice_lines WHERE tenant_id = :tenant AND invoice_id = :invoiceId"
            + " ORDER BY position")
    List<LineRow> lines(@Bind("tenant") TenantId tenant, @Bind("invoiceId") UUID invoiceId);

    /** The lines of several invoices in one statement, each invoice's in order. */
    @SqlQuery("SELECT invoice_id, " + LINE_COLUMNS + " FROM invoice_lines"
            + " WHERE tenant_id = :tenant AND invoice_id = ANY(:invoiceIds) ORDER BY invoice_id, position")
    List<InvoiceLineRow> linesOf(@Bind("tenant") TenantId tenant, @Bind("invoiceIds") List<UUID> invoiceIds);

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
                                @Bind("dueDate") LocalDate dueDate,
                                @Bind("seller") @Json Map<String, Object> sellerSnapshot,
                                @Bind("customer") @Json Map<String, Object> customerSnapshot, @Bind("buyerTaxId") byte[] buyerTaxId,
                                @Bind("now") Instant now);

    /** The buyer's tax id as finalized, encrypted; read only for a caller allowed to see it in full. */
    @SqlQuery("SELECT customer_tax_id_encrypted FROM invoices WHERE tenant_id = :tenant AND id = :id"
            + " AND customer_tax_id_encrypted IS NOT NULL")
    Optional<byte[]> encryptedBuyerTaxId(@Bind("tenant") TenantId tenant, @Bind("id") UUID id);

    /** Voids or writes off an invoice the caller has locked, and returns it. */
    @SqlQuery("""
            UPDATE invoices SET status = :status, updated_at = :now, version = version + 1,
                   amount_due = CASE WHEN :status = 'void' THEN 0 ELSE amount_due END,
                   voided_at = CASE WHEN :status = 'void' THEN CAST(:now AS timestamptz) ELSE voided_at END,
                   marked_uncollectible_at = CASE WHEN :status = 'uncollectible' THEN CAST(:now AS timestamptz)
                                                  ELSE marked_uncollectible_at END
            WHERE tenant_id = :tenant AND id = :id
            RETURNING\s""" + COLUMNS)
    Row setStatus(@Bind("tenant") TenantId tenant, @Bind("id") UUID id, @Bind("status") String status,
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

    // "Overdue" is InvoiceRows' rule (collectible and due before today), summed here instead of row by row.
    @SqlQuery("""
            SELECT currency, SUM(amount_due) AS outstanding,
                   COALESCE(SUM(amount_due) FILTER (WHERE due_date < :today), 0) AS overdue
              FROM invoices
             WHERE tenant_id = :tenant AND status IN ('open', 'uncollectible') AND amount_due > 0
             GROUP BY currency ORDER BY currency""")
    @RegisterConstructorMapper(OpenTotals.class)
    List<OpenTotals> openTotals(@Bind("tenant") TenantId tenant, @Bind("today") LocalDate today);

    @SqlQuery("SELECT " + COLUMNS + " FROM invoices WHERE tenant_id = :tenant"
            + " ORDER BY created_at DESC, id DESC LIMIT :limit")
    List<Row> latest(@Bind("tenant") TenantId tenant, @Bind("limit") int limit);
}
