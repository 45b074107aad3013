package io.billingnow.platform.db;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/** Configures a Jdbi the way every part of the platform expects it. */
public final class Databases {

    private Databases() {
    }

    public static Jdbi configure(Jdbi jdbi) {
        jdbi.installPlugin(new SqlObjectPlugin());
        jdbi.registerArgument(new TenantArgumentFactory());
        return jdbi;
    }

}
