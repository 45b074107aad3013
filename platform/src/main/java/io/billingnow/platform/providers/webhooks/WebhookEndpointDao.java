package io.billingnow.platform.providers.webhooks;

import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * Finds the provider account a webhook URL names, before any tenant is known: one statement through the resolver
 * function {@code billingnow_resolve_webhook_account}, run in autocommit ({@code PlatformTransactions.lookup}).
 */
@RegisterConstructorMapper(WebhookEndpointDao.Endpoint.class)
public interface WebhookEndpointDao {

    /** The account behind a public webhook id, with its tenant's slug and status (not yet checked). */
    record Endpoint(UUID tenantId, UUID accountId, String slug, String status) {
    }

    @SqlQuery("""
            SELECT r.tenant_id, r.account_id, t.slug, t.status
            FROM billingnow_resolve_webhook_account(:publicId) r JOIN tenants t ON t.id = r.tenant_id""")
    Optional<Endpoint> resolve(@Bind("publicId") String publicId);
}
