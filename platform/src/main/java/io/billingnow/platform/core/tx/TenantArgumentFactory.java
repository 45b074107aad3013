package io.billingnow.platform.core.tx;

import io.billingnow.platform.core.TenantId;
import java.sql.Types;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;

/** Binds a {@link TenantId} as the PostgreSQL uuid it is. */
public final class TenantArgumentFactory extends AbstractArgumentFactory<TenantId> {

    public TenantArgumentFactory() {
        super(Types.OTHER);
    }

    @Override
    protected Argument build(TenantId value, ConfigRegistry config) {
        return (position, statement, ctx) -> statement.setObject(position, value.value());
    }
}
