package io.billingnow.platform.providers.accounts;

import io.billingnow.platform.core.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.json.Json;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Provider accounts and their webhook secrets. Sealed columns travel as bytes; this DAO never decrypts. */
public interface ProviderAccountDao {

    /** A stored account row, credentials still sealed. */
    record Row(UUID id, String publicId, String providerId, String displayName, byte[] credentials,
               @Json Map<String, String> credentialHints, Instant createdAt) {
    }

    /** A stored webhook secret row, still sealed. */
    record SecretRow(UUID id, UUID accountId, byte[] secret, String hint, Instant createdAt, Instant retireAt) {
    }

    @SqlUpdate("""
            INSERT INTO provider_accounts (tenant_id, id, public_id, provider_id, display_name, credentials,
                                           credential_hints, created_at)
            VALUES (:tenant, :id, :publicId, :providerId, :displayName, :credentials, :hints, :now)""")
    void insert(@Bind("tenant") TenantId tenant, @Bind("id") UUID id, @Bind("publicId") String publicId,
                @Bind("providerId") String providerId, @Bind("displayName") String displayName,
                @Bind("credentials") byte[] credentials, @Bind("hints") @Json Map<String, String> hints, @Bind("now") Instant now);

    String COLUMNS = "id, public_id, provider_id, display_name, credentials, credential_hints, created_at";

    @SqlQuery("SELECT " + COLUMNS + " FROM provider_accounts"
            + " WHERE tenant_id = :tenant AND id = :id AND deleted_at IS NULL")
    @RegisterConstructorMapper(Row.class)
    Optional<Row> find(@Bind("tenant") TenantId tenant, @Bind("id") UUID id);

    /**
     * The account, its row locked until the transaction ends: changes to its webhook secrets are made one after the
     * other, so two retirements at once cannot both see the other's secret still accepted and retire the last one.
     */
    @SqlQuery("SELECT " + COLUMNS + " FROM provider_accounts"
            + " WHERE tenant_id = :tenant AND id = :id AND deleted_at IS NULL FOR UPDATE")
    @RegisterConstructorMapper(Row.class)
    Optional<Row> lock(@Bind("tenant") TenantId tenant, @Bind("id") UUID id);

    @SqlQuery("SELECT " + COLUMNS + " FROM provider_accounts"
            + " WHERE tenant_id = :tenant AND deleted_at IS NULL ORDER BY created_at, id")
    @RegisterConstructorMapper(Row.class)
    List<Row> list(@Bind("tenant") TenantId tenant);

    @SqlUpdate("UPDATE provider_accounts SET deleted_at = :now"
            + " WHERE tenant_id = :tenant AND id = :id AND deleted_at IS NULL")
    int delete(@Bind("tenant") TenantId tenant, @Bind("id") UUID id, @Bind("now") Instant now);

    @SqlUpdate("""
            INSERT INTO provider_webhook_secrets (tenant_id, id, account_id, secret, hint, created_at)
            VALUES (:tenant, :id, :accountId, :secret, :hint, :now)""")
    void insertSecret(@Bind("tenant") TenantId tenant, @Bind("id") UUID id, @Bind("accountId") UUID accountId,
                      @Bind("secret") byte[] secret, @Bind("hint") String hint, @Bind("now") Instant now);

    /**
     * An account's provider, sealed credentials and the secrets still accepted at {@code now}, newest first, in one
     * statement: one row per secret, or one row with no secret when there is none. What every webhook reads.
     */
    record ActiveRow(String providerId, byte[] credentials, UUID secretId, byte[] secret) {
    }

    @SqlQuery("""
            SELECT a.provider_id, a.credentials, s.id AS secret_id, s.secret
            FROM provider_accounts a
            LEFT JOIN provider_webhook_secrets s
                   ON s.tenant_id = a.tenant_id AND s.account_id = a.id AND (s.retire_at IS NULL OR s.retire_at > :now)
            WHERE a.tenant_id = :tenant AND a.id = :id AND a.deleted_at IS NULL
            ORDER BY s.created_at DESC, s.id""")
    @RegisterConstructorMapper(ActiveRow.class)
    List<ActiveRow> active(@Bind("tenant") TenantId tenant, @Bind("id") UUID id, @Bind("now") Instant now);

    /** Secrets still accepted at {@code now}, newest first. */
    @SqlQuery("""
            SELECT id, account_id, secret, hint, created_at, retire_at FROM provider_webhook_secrets
            WHERE tenant_id = :tenant AND account_id = :accountId AND (retire_at IS NULL OR retire_at > :now)
            ORDER BY created_at DESC, id""")
    @RegisterConstructorMapper(SecretRow.class)
    List<SecretRow> activeSecrets(@Bind("tenant") TenantId tenant, @Bind("accountId") UUID accountId,
                                  @Bind("now") Instant now);

    /** Schedules every currently accepted secret of the account to stop being accepted at {@code retireAt}. */
    @SqlUpdate("""
            UPDATE provider_webhook_secrets SET retire_at = :retireAt
            WHERE tenant_id = :tenant AND account_id = :accountId AND (retire_at IS NULL OR retire_at > :retireAt)""")
    int scheduleRetirement(@Bind("tenant") TenantId tenant, @Bind("accountId") UUID accountId,
                           @Bind("retireAt") Instant retireAt);

    @SqlUpdate("""
            UPDATE provider_webhook_secrets SET retire_at = :now
            WHERE tenant_id = :tenant AND account_id = :accountId AND id = :id AND (retire_at IS NULL OR retire_at > :now)""")
    int retire(@Bind("tenant") TenantId tenant, @Bind("accountId") UUID accountId, @Bind("id") UUID id,
               @Bind("now") Instant now);
}
