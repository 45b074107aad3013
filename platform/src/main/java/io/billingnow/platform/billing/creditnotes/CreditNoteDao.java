package io.billingnow.platform.billing.creditnotes;

import io.billingnow.platform.core.TenantId;
import io.billingnow.platform.billing.invoices.LineFields;
import io.billingnow.platform.billing.invoices.TaxLine;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.json.Json;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(CreditNoteDao.Row.class)
public interface CreditNoteDao {

    record Row(UUID id, UUID invoiceId, String number, String currency, String reason, String settlement,
               long netTotal, long taxTotal, long total, long appliedToDue, long refunded, long credited,
               @Json List<LineFields> lines, @Json List<TaxLine> taxBreakdown, Instant issuedAt) {
    }

    String COLUMNS = """
            id, invoice_id, number, currency, reason, settlement, net_total, tax_total, total, applied_to_due,
            refunded, credited, lines, tax_breakdown, issued_at""";

    @SqlUpdate("""
            INSERT INTO credit_notes (tenant_id, id, invoice_id, number, currency, reason, settlement, net_total,
                                      tax_total, total, applied_to_due, refunded, credited, lines, tax_breakdown,
                                      issued_at, created_at)
            VALUES (:tenant, :r.id, :r.invoiceId, :r.number, :r.currency, :r.reason, :r.settlement, :r.netTotal,
                    :r.taxTotal, :r.total, :r.appliedToDue, :r.refunded, :r.credited, :r.lines,
                    :r.taxBreakdown, :r.issuedAt, :r.issuedAt)""")
    void insert(@Bind("tenant") TenantId tenant, @BindMethods("r") Row row);

    @SqlQuery("SELECT " + COLUMNS + " FROM credit_notes WHERE tenant_id = :tenant AND id = :id")
    Optional<Row> find(@Bind("tenant") TenantId tenant, @Bind("id") UUID id);

    @SqlQuery("SELECT " + COLUMNS + " FROM credit_notes WHERE tenant_id = :tenant AND invoice_id = :invoiceId "
            + "ORDER BY issued_at, id")
    List<Row> forInvoice(@Bind("tenant") TenantId tenant, @Bind("invoiceId") UUID invoiceId);

    @SqlQuery("SELECT coalesce(sum(total), 0) FROM credit_notes WHERE tenant_id = :tenant AND invoice_id = :invoiceId")
    long creditedTotal(@Bind("tenant") TenantId tenant, @Bind("invoiceId") UUID invoiceId);
}
