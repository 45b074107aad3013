package io.billingnow.platform.tenancy;

import io.billingnow.platform.core.TenantId;
import io.billingnow.platform.core.TenantStatus;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.jackson.Jackson;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Maps a tenants row, whose settings column arrives as JSON text. */
public final class TenantRowMapper implements RowMapper<Tenant> {

    /** Lenient on purpose: settings stored by a newer version must not make a tenant unreadable to an older node. */
    private static final ObjectMapper JSON = Jackson.newObjectMapper()
            .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Override
    public Tenant map(ResultSet rs, StatementContext ctx) throws SQLException {
        TenantSettings settings;
        try {
            settings = JSON.readValue(rs.getString("settings"), TenantSettings.class);
        } catch (JsonProcessingException e) {
            throw new SQLException("tenant settings are not valid JSON", e);
        }
        return new Tenant(new TenantId(rs.getObject("id", UUID.class)), rs.getString("slug"), rs.getString("name"),
                rs.getString("country"), rs.getString("default_currency"),
                TenantStatus.fromWireName(rs.getString("status")), settings, rs.getString("managed_by"),
                managedFields(rs), instant(rs, "created_at"),
                instant(rs, "updated_at"), rs.getInt("version"));
    }

    private static List<String> managedFields(ResultSet rs) throws SQLException {
        Array array = rs.getArray("managed_fields");
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
