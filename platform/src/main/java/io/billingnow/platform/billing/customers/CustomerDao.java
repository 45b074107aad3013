package io.billingnow.platform.billing.customers;

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

/** Rows of the customers table, as stored; the jsonb columns are mapped by Jdbi's Jackson support ({@code @Json}). */
@RegisterConstructorMapper(CustomerDao.Row.class)
public interface CustomerDao {

    record Row(UUID id, String name, String email, @Json Address address, String country, String taxIdHint,
               String preferredCurrency, String preferredLanguage, @Json Map<String, String> metadata,
               Instant createdAt, Instant updatedAt,
               int version) {
    }

    String COLUMNS = "id, name, email, address, country, tax_id_hint, preferred_currency, preferred_language, metadata, "
            + "created_at, updated_at, version";

    /** Inserts the customer and returns it as stored (one statement, no read back). */
    @SqlQuery("""
            INSERT INTO customers (tenant_id, id, name, email, address, country, tax_id_encrypted, tax_id_hint,
                                   preferred_currency, preferred_language, metadata, created_at, updated_at)
            VALUES (:tenant, :id, :name, :email, :address, :country, :taxId, :taxIdHint, :currency, :language,
                    :metadata, :now, :now)
            RETURNING\s""" + COLUMNS)
    Row insert(@Bind("tenant") TenantId tenant, @Bind("id") UUID id, @Bind("name") String name,
               @Bind("email") String email, @Bind("address") @Json Address address,
               @Bind("country") String country, @Bind("taxId") byte[] taxIdEncrypted,
               @Bind("taxIdHint") String taxIdHint, @Bind("currency") String currency,
               @Bind("language") String language,
               @Bind("metadata") @Json Map<String, String> metadata, @Bind("now") Instant now);

    @SqlUpdate("""
            UPDATE customers SET name = :name, email = :email, address = :address, country = :country,
                   tax_id_encrypted = CASE WHEN :keepTaxId THEN tax_id_encrypted ELSE :taxId END,
                   tax_id_hint = CASE WHEN :keepTaxId THEN tax_id_hint ELSE :taxIdHint END,
                   preferred_currency = :currency,
                   preferred_language = :language,
                   metadata = :metadata,
                   updated_at = :now, version = version + 1
            WHERE tenant_id = :tenant AND id = :id AND version = :version""")
    int update(@Bind("tenant") TenantId tenant, @Bind("id") UUID id, @Bind("version") int version,
               @Bind("name") String name, @Bind("email") String email, @Bind("address") @Json Address address,
               @Bind("country") String country, @Bind("keepTaxId") boolean keepTaxId,
               @Bind("taxId") byte[] taxIdEncrypted, @Bind("taxIdHint") String taxIdHint,
               @Bind("currency") String currency, @Bind("language") String language,
               @Bind("metadata") @Json Map<String, String> metadata, @Bind("now") Instant now);

    /** The decryptable tax id, read only where the full value is needed (never for API responses). */
    @SqlQuery("SELECT tax_id_encrypted FROM customers WHERE tenant_id = :tenant AND id = :id")
    Optional<byte[]> encryptedTaxId(@Bind("tenant") TenantId tenant, @Bind("id") UUID id);

    @SqlQuery("SELECT " + COLUMNS + " FROM customers WHERE tenant_id = :tenant AND id = :id")
    Optional<Row> find(@Bind("tenant") TenantId tenant, @Bind("id") UUID id);

    @SqlQuery("SELECT " + COLUMNS + " FROM customers WHERE tenant_id = :tenant AND id = :id FOR UPDATE")
    Optional<Row> lock(@Bind("tenant") TenantId tenant, @Bind("id") UUID id);

    @SqlQuery("""
            SELECT\s""" + COLUMNS + """
             FROM customers
            WHERE tenant_id = :tenant AND (CAST(:email AS text) IS NULL OR lower(email) = lower(:email))
              AND (created_at, id) > (:afterCreated, :afterId)
            ORDER BY created_at, id LIMIT :limit""")
    List<Row> page(@Bind("tenant") TenantId tenant, @Bind("email") String email,
                   @Bind("afterCreated") Instant afterCreated, @Bind("afterId") UUID afterId,
                   @Bind("limit") int limit);
}
