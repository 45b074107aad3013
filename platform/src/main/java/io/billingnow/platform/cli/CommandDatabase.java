package io.billingnow.platform.cli;

import com.codahale.metrics.MetricRegistry;
import io.billingnow.platform.db.Databases;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * The platform's database for a one-shot command: the same application role and Jdbi setup as the server, without
 * starting one. Close it when the command is done.
 */
public final class CommandDatabase implements AutoCloseable {

    private final ManagedDataSource dataSource;
    private final Jdbi jdbi;

    public CommandDatabase(DataSourceFactory factory) {
        this.dataSource = factory.build(new MetricRegistry(), "billingnow-command");
        this.jdbi = Databases.configure(Jdbi.create(dataSource));
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    @Override
    public void close() throws Exception {
        dataSource.stop();
    }
}
