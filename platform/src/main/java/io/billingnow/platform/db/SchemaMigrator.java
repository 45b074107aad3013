package io.billingnow.platform.db;

import java.sql.Connection;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;

/** Applies the Liquibase changelog. Must be given a connection as the schema owner role. */
public final class SchemaMigrator {

    public static final String CHANGELOG = "db/changelog/master.xml";

    private SchemaMigrator() {
    }

    public static void migrate(Connection ownerConnection) throws LiquibaseException {
        Database database = DatabaseFactory.getInstance()
                .findCorrectDatabaseImplementation(new JdbcConnection(ownerConnection));
        @SuppressWarnings("deprecation")
        Liquibase liquibase = new Liquibase(CHANGELOG, new ClassLoaderResourceAccessor(), database);
        liquibase.update(new Contexts(), new LabelExpression());
    }
}
