package io.billingnow.platform.billing.numbering;

import io.billingnow.platform.core.tx.TenantHandle;
import java.time.LocalDate;

/**
 * Hands out the next number of a series inside the caller's transaction.
 *
 * <p>The counter row is incremented with an upsert, which keeps the row locked until the transaction ends. A
 * concurrent finalization of the same tenant (on this node or any other) waits on that lock and then sees the
 * committed value; a finalization that rolls back releases its increment with it. So numbers are gapless and unique
 * by construction, with the invoices' unique (tenant_id, number) constraint as a second guard. The row is the
 * tenant's, the document kind's and the period's ({@link NumberingFormat#periodKey(LocalDate)}): a monthly pattern
 * has one counter per month, a yearly one per year, one without date tokens a single counter.
 */
public final class DocumentNumberAllocator {

    public String next(TenantHandle tx, DocumentSeries series, NumberingFormat format, LocalDate date) {
        int period = format.periodKey(date);
        long value = tx.dao(DocumentCounterDao.class).next(tx.tenant(), series.wireName(), period);
        return format.render(value, date);
    }
}
