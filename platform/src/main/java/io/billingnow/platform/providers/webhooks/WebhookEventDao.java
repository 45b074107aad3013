package io.billingnow.platform.providers.webhooks;

import io.billingnow.platform.core.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Accepted provider events (one row per account and provider event id) and the ones kept for review. */
public interface WebhookEventDao {

    /** Claims an event; 0 when it was accepted before (a replay). A concurrent duplicate waits for the first. */
    @SqlUpdate("""
            INSERT INTO webhook_events (tenant_id, account_id, provider_event_id, event_type, provider_type, amount,
                                        currency, outcome, occurred_at, received_at)
            VALUES (:tenant, :accountId, :eventId, :type, :providerType, CAST(:amount AS bigint), :currency, 'recorded',
                    :occurredAt, :now)
            ON CONFLICT (tenant_id, account_id, provider_event_id) DO NOTHING""")
    int claim(@Bind("tenant") TenantId tenant, @Bind("accountId") UUID accountId, @Bind("eventId") String eventId,
              @Bind("type") String type, @Bind("providerType") String providerType, @Bind("amount") Long amount,
              @Bind("currency") String currency, @Bind("occurredAt") Instant occurredAt, @Bind("now") Instant now);

    @SqlUpdate("""
            UPDATE webhook_events SET outcome = :outcome, invoice_id = CAST(:invoiceId AS uuid),
                                      payment_id = CAST(:paymentId AS uuid)
            WHERE tenant_id = :tenant AND account_id = :accountId AND provider_event_id = :eventId""")
    void settle(@Bind("tenant") TenantId tenant, @Bind("accountId") UUID accountId, @Bind("eventId") String eventId,
                @Bind("outcome") String outcome, @Bind("invoiceId") UUID invoiceId, @Bind("paymentId") UUID paymentId);

    @SqlUpdate("""
            INSERT INTO webhook_reviews (tenant_id, id, account_id, provider_event_id, reason, invoice_reference,
                                         payment_reference, amount, currency, created_at)
            VALUES (:tenant, :id, :accountId, :eventId, :reason, :invoiceReference, :paymentReference,
                    CAST(:amount AS bigint), :currency, :now)""")
    void review(@Bind("tenant") TenantId tenant, @Bind("id") UUID id, @Bind("accountId") UUID accountId,
                @Bind("eventId") String eventId, @Bind("reason") String reason,
                @Bind("invoiceReference") String invoiceReference, @Bind("paymentReference") String paymentReference,
                @Bind("amount") Long amount, @Bind("currency") String currency, @Bind("now") Instant now);

    @SqlQuery("""
            SELECT id, account_id, provider_event_id, reason, invoice_reference, payment_reference, amount, currency,
                   created_at
            FROM webhook_reviews WHERE tenant_id = :tenant AND resolved_at IS NULL ORDER BY created_at, id""")
    @RegisterConstructorMapper(WebhookReview.class)
    List<WebhookReview> openReviews(@Bind("tenant") TenantId tenant);
}
