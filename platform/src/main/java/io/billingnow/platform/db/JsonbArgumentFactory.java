package io.billingnow.platform.db;

import java.sql.Types;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.json.EncodedJson;
import org.postgresql.util.PGobject;

/**
 * Binds the JSON text Jdbi's Jackson support makes of an {@code @Json} value as PostgreSQL {@code jsonb}, so SQL names
 * the parameter plainly ({@code :address}) instead of casting it. Without it the driver would send the text as
 * {@code varchar}, which PostgreSQL refuses for a jsonb column. Jdbi asks for an {@code @EncodedJson String}
 * argument first, and this factory, qualified so, is that argument.
 */
@EncodedJson
final class JsonbArgumentFactory extends AbstractArgumentFactory<String> {

    JsonbArgumentFactory() {
        super(Types.OTHER);
    }

    @Override
    protected Argument build(String json, ConfigRegistry config) {
        return (position, statement, context) -> {
            PGobject jsonb = new PGobject();
            jsonb.setType("jsonb");
            jsonb.setValue(json);
            statement.setObject(position, jsonb);
        };
    }
}
