package io.billingnow.platform.billing.numbering;

import io.billingnow.platform.core.TenantId;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The counters of a tenant's document series (document_counters), one row per series and period. */
public interface DocumentCounterDao {

    /** The next value; the upsert keeps the counter row locked until the transaction ends. */
    @SqlQuery("""
            INSERT INTO document_counters (tenant_id, series, period, last_value)
            VALUES (:tenant, :series, :period, 1)
            ON CONFLICT (tenant_id, series, period)
            DO UPDATE SET last_value = document_counters.last_value + 1
            RETURNING last_value""")
    long next(@Bind("tenant") TenantId tenant, @Bind("series") String series, @Bind("period") int period);
}
