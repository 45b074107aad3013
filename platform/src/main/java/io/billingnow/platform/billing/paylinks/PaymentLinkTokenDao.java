package io.billingnow.platform.billing.paylinks;

import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * Finds the link a pay-page token names, by the token's SHA-256 and before any tenant is known: one statement
 * through the resolver function {@code billingnow_resolve_payment_link}, run in autocommit
 * ({@code PlatformTransactions.lookup}).
 */
@RegisterConstructorMapper(PaymentLinkTokenDao.Match.class)
public interface PaymentLinkTokenDao {

    /** The link and its tenant's slug, name and status (not yet checked). */
    record Match(UUID tenantId, UUID linkId, String slug, String name, String status) {
    }

    @SqlQuery("""
            SELECT r.tenant_id, r.link_id, t.slug, t.name, t.status
            FROM billingnow_resolve_payment_link(:hash) r JOIN tenants t ON t.id = r.tenant_id""")
    Optional<Match> resolve(@Bind("hash") byte[] hash);
}
