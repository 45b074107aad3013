package io.billingnow.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.billingnow.platform.admin.AdminKeysResource;
import io.billingnow.platform.admin.AdminTenantsResource;
import io.billingnow.platform.apikeys.ApiKeyService;
import io.billingnow.platform.apikeys.ApiKeysResource;
import io.billingnow.platform.audit.AuditLog;
import io.billingnow.platform.auth.AccessControlFeature;
import io.billingnow.platform.auth.Authenticator;
import io.billingnow.platform.db.Databases;
import io.billingnow.platform.db.PlatformTransactions;
import io.billingnow.platform.db.SchemaMigrator;
import io.billingnow.platform.db.TenantTransactions;
import io.billingnow.platform.http.ExceptionMappers;
import io.billingnow.platform.http.RequestIdFilter;
import io.billingnow.platform.keys.Keys;
import io.billingnow.platform.tenancy.TenantService;
import io.dropwizard.core.Application;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.jdbi3.JdbiFactory;
import io.dropwizard.migrations.MigrationsBundle;
import jakarta.servlet.DispatcherType;
import java.sql.Connection;
import java.time.Clock;
import java.util.EnumSet;
import org.jdbi.v3.core.Jdbi;

/**
 * Wires the platform together by hand: no container, every collaborator passed through a constructor.
 */
public class BillingNowApplication extends Application<BillingNowConfiguration> {

    private final Clock clock;

    public BillingNowApplication() {
        this(Clock.systemUTC());
    }

    /** Tests pass a controllable clock. */
    public BillingNowApplication(Clock clock) {
        this.clock = clock;
    }

    public static void main(String[] args) throws Exception {
        new BillingNowApplication().run(args);
    }

    @Override
    public String getName() {
        return "billingnow";
    }

    @Override
    public void initialize(Bootstrap<BillingNowConfiguration> bootstrap) {
        bootstrap.addBundle(new MigrationsBundle<>() {
            @Override
            public DataSourceFactory getDataSourceFactory(BillingNowConfiguration configuration) {
                return configuration.getMigrationDatabase();
            }

            @Override
            public String getMigrationsFileName() {
                return SchemaMigrator.CHANGELOG;
            }
        });
    }

    @Override
    public void run(BillingNowConfiguration config, Environment environment) throws Exception {
        if (config.getPlatform().isMigrateOnStart()) {
            migrate(config.getMigrationDatabase(), environment);
        }
        ObjectMapper json = environment.getObjectMapper();
        Jdbi jdbi = Databases.configure(new JdbiFactory().build(environment, config.getDatabase(), "postgresql"));
        TenantTransactions tenantTx = new TenantTransactions(jdbi);
        PlatformTransactions platformTx = new PlatformTransactions(jdbi);
        AuditLog audit = new AuditLog(json, clock);
        // Before anything reads or writes tenant data: a wrong or missing master key stops startup here.
        Keys keys = Keys.open(config.getKeys(), platformTx, tenantTx, audit, clock);
        environment.lifecycle().manage(keys);
        TenantService tenants = new TenantService(tenantTx, platformTx, audit, json, clock);
        tenants.addListener(keys.tenantKeys());
        Authenticator authenticator = new Authenticator(platformTx, clock);

        if (config.getServerFactory() instanceof DefaultServerFactory server) {
            server.setRegisterDefaultExceptionMappers(false);
        }
        environment.servlets().addFilter("request-id", new RequestIdFilter())
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
        ExceptionMappers.register(environment.jersey().getResourceConfig());
        environment.jersey().register(new AccessControlFeature(authenticator));

        environment.jersey().register(new ApiKeysResource(tenantTx, new ApiKeyService(audit, clock)));
        environment.jersey().register(new AdminTenantsResource(tenants));
        environment.jersey().register(new AdminKeysResource(keys, tenants));
    }

    private static void migrate(DataSourceFactory owner, Environment environment) throws Exception {
        ManagedDataSource dataSource = owner.build(environment.metrics(), "migrations");
        try (Connection connection = dataSource.getConnection()) {
            SchemaMigrator.migrate(connection);
        } finally {
            dataSource.stop();
        }
    }
}
