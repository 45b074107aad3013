package io.billingnow.platform.tenancy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.json.Json;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.statement.UseRowMapper;

/** The tenant registry. Platform data: it takes no tenant because it is the list of tenants. */
public interface TenantDao {

    String COLUMNS = "id, slug, name, country, default_currency, status, settings, managed_by, "
            + "managed_fields, created_at, updated_at, version";

    @SqlQuery("SELECT " + COLUMNS + " FROM tenants WHERE id = :id")
    @UseRowMapper(TenantRowMapper.class)
    Optional<Tenant> byId(@Bind("id") UUID id);

    /** Reads the tenant and locks its row until the transaction ends, so a version check cannot go stale. */
    @SqlQuery("SELECT " + COLUMNS + " FROM tenants WHERE id = :id FOR UPDATE")
    @UseRowMapper(TenantRowMapper.class)
    Optional<Tenant> lockById(@Bind("id") UUID id);

    @SqlQuery("SELECT " + COLUMNS + " FROM tenants WHERE slug = :slug")
    @UseRowMapper(TenantRowMapper.class)
    Optional<Tenant> bySlug(@Bind("slug") String slug);

    @SqlQuery("SELECT " + COLUMNS + " FROM tenants WHERE (:status IS NULL OR status = :status) AND slug > :afterSlug "
            + "ORDER BY slug LIMIT :limit")
    @UseRowMapper(TenantRowMapper.class)
    List<Tenant> page(@Bind("status") String status, @Bind("afterSlug") String afterSlug, @Bind("limit") int limit);

    @SqlQuery("SELECT id FROM tenants WHERE status = 'active' ORDER BY slug")
    List<UUID> activeIds();

    @SqlQuery("SELECT status FROM tenants WHERE id = :id")
    Optional<String> status(@Bind("id") UUID id);

    @SqlUpdate("""
            INSERT INTO tenants (id, slug, name, country, default_currency, status, settings, managed_by,
                                 managed_fields, created_at, updated_at)
            VALUES (:id, :slug, :name, :country, :currency, 'active', :settings, :managedBy, :fields,
                    :now, :now)""")
    void insert(@Bind("id") UUID id, @Bind("slug") String slug, @Bind("name") String name,
                @Bind("country") String country, @Bind("currency") String currency,
                @Bind("settings") @Json TenantSettings settings, @Bind("managedBy") String managedBy,
                @Bind("fields") String[] managedFields, @Bind("now") Instant now);

    @SqlUpdate("""
            UPDATE tenants SET name = :name, country = :country, default_currency = :currency,
                   settings = :settings, updated_at = :now, version = version + 1
            WHERE id = :id""")
    int update(@Bind("id") UUID id, @Bind("name") String name, @Bind("country") String country,
               @Bind("currency") String currency, @Bind("settings") @Json TenantSettings settings,
               @Bind("now") Instant now);

    /** Records which tenants-config file manages the tenant and which fields it owns (none: not managed). */
    @SqlUpdate("""
            UPDATE tenants SET managed_by = :managedBy, managed_fields = :fields, updated_at = :now,
                   version = version + 1
            WHERE id = :id""")
    int setManaged(@Bind("id") UUID id, @Bind("managedBy") String managedBy, @Bind("fields") String[] fields,
                   @Bind("now") Instant now);

    @SqlUpdate("UPDATE tenants SET status = :status, updated_at = :now, version = version + 1 WHERE id = :id")
    int setStatus(@Bind("id") UUID id, @Bind("status") String status, @Bind("now") Instant now);
}
