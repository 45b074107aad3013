package io.billingnow.platform.tenancy.settings;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The business's logo: one row per tenant, under the tenant's row-level policy. */
public interface LogoDao {

    @RegisterConstructorMapper(LogoInfo.class)
    @SqlQuery("SELECT content_type, width, height, octet_length(image) AS bytes, sha256, updated_at "
            + "FROM tenant_logos WHERE tenant_id = :tenant")
    Optional<LogoInfo> info(@Bind("tenant") UUID tenant);

    @SqlQuery("SELECT image FROM tenant_logos WHERE tenant_id = :tenant")
    Optional<byte[]> image(@Bind("tenant") UUID tenant);

    @SqlUpdate("""
            INSERT INTO tenant_logos (tenant_id, content_type, image, width, height, sha256, updated_at)
            VALUES (:tenant, :contentType, :image, :width, :height, :sha256, :now)
            ON CONFLICT (tenant_id) DO UPDATE SET content_type = excluded.content_type, image = excluded.image,
                   width = excluded.width, height = excluded.height, sha256 = excluded.sha256,
                   updated_at = excluded.updated_at""")
    void put(@Bind("tenant") UUID tenant, @Bind("contentType") String contentType, @Bind("image") byte[] image,
             @Bind("width") int width, @Bind("height") int height, @Bind("sha256") String sha256,
             @Bind("now") Instant now);

    @SqlUpdate("DELETE FROM tenant_logos WHERE tenant_id = :tenant")
    int delete(@Bind("tenant") UUID tenant);
}
