package io.billingnow.platform.identity.members;

import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.core.mapper.reflect.ColumnName;

/** A person's membership of a tenant, as the members API shows it. */
public record Member(@ColumnName("user_id") UUID userId, String email,
                     @ColumnName("display_name") String displayName, String role,
                     @ColumnName("created_at") Instant joinedAt) {
}
