package io.billingnow.platform.cli;

import io.billingnow.platform.tenancy.Tenants;
import io.billingnow.platform.dev.DevCredentials;
import io.billingnow.platform.dev.DevDatabase;
import io.billingnow.platform.dev.EmbeddedDatabase;
import io.billingnow.platform.dev.StaleCluster;
import io.billingnow.platform.config.BillingNowConfiguration;
import io.billingnow.platform.audit.AuditLog;
import io.billingnow.platform.db.Databases;
import io.billingnow.platform.db.DatabaseRoles;
import io.billingnow.platform.tenancy.Tenant;
import io.dropwizard.core.Application;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ServerCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import net.sourceforge.argparse4j.inf.Namespace;
import org.jdbi.v3.core.Jdbi;

/**
 * `billingnow dev`: the platform on its embedded defaults. Starts PostgreSQL 17 with its data under ./data, points
 * the bundled dev configuration at it, runs the server, and prints where it listens and how to get in.
 */
public final class DevCommand extends ServerCommand<BillingNowConfiguration> {


    private final PrintStream out;
    private EmbeddedDatabase database;

    public DevCommand(Application<BillingNowConfiguration> application) {
        this(application, System.out);
    }

    DevCommand(Application<BillingNowConfiguration> application, PrintStream out) {
        super(application, "dev", "Runs the platform locally on embedded PostgreSQL with the sample tenants");
        this.out = out;
    }

    @Override
    public void run(Bootstrap<?> bootstrap, Namespace namespace) throws Exception {
        if (namespace.getString("file") == null) {
            namespace.getAttrs().put("file", DevDatabase.CONFIG);
        }
        database = EmbeddedDatabase.start(DevDatabase.DATA, out);
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopDatabase, "embedded-postgres-stop"));
        DevDatabase.pointConfigurationAt(database.jdbcUrl());
        super.run(bootstrap, namespace);
    }

    @Override
    protected void run(Environment environment, Namespace namespace, BillingNowConfiguration configuration)
            throws Exception {
        super.run(environment, namespace, configuration);
        printWelcome(configuration, environment);
    }

    /**
     * The welcome banner, composed first and printed in one write: whoever waits for its first line (a person, the dev
     * smoke test) then finds every credential below it, never a banner half written while a key is still being issued.
     */
    private void printWelcome(BillingNowConfiguration configuration, Environment environment) {
        Jdbi jdbi = Databases.configure(Jdbi.create(database.jdbcUrl(), DatabaseRoles.APP, ""));
        DevCredentials credentials = new DevCredentials(jdbi, new AuditLog(environment.getObjectMapper(),
                Clock.systemUTC()), Clock.systemUTC());
        List<Tenant> tenants = Tenants.page(jdbi, "", 100);
        String base = configuration.getPlatform().getPublicBaseUrl().toString();
        StringBuilder banner = new StringBuilder();
        banner.append(System.lineSeparator());
        line(banner, "BillingNow is running (dev mode).");
        line(banner, "  Web app:        " + base + "/");
        line(banner, "  API:            " + base + "/v1");
        line(banner, "  Admin console:  " + base + "/admin/v1");
        line(banner, "  PostgreSQL:     " + database.jdbcUrl() + " (data in ./data/postgres)");
        line(banner, "  Operator token: " + credentials.operatorToken() + "   (valid 7 days; replaced at each start)");
        for (Tenant tenant : tenants) {
            if (tenant.acceptsWrites()) {
                line(banner, "  Tenant " + tenant.slug() + " owner API key: " + credentials.ownerApiKey(tenant));
            }
        }
        // -k: the dev certificate is self-signed (./data/tls).
        line(banner, "  Try: curl -k -H 'Authorization: Bearer <key>' " + base + "/v1/customers");
        banner.append(System.lineSeparator());
        out.print(banner);
        out.flush();
    }

    private static void line(StringBuilder banner, String text) {
        banner.append(text).append(System.lineSeparator());
    }

    /** A stale or busy ./data is explained in one line ({@link StaleCluster}); anything else keeps its trace. */
    @Override
    public void onError(Cli cli, Namespace namespace, Throwable e) {
        Commands.reportError(cli, namespace, e);
    }

    private void stopDatabase() {
        try {
            if (database != null) {
                database.close();
            }
        } catch (Exception e) {
            System.err.println("Could not stop embedded PostgreSQL cleanly: " + e.getMessage());
        }
    }
}
