package io.billingnow.platform.app;

import io.billingnow.platform.config.BillingNowConfiguration;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.billingnow.platform.admin.AdminAuditResource;
import io.billingnow.platform.admin.AdminOperatorTokensResource;
import io.billingnow.platform.admin.AdminKeysResource;
import io.billingnow.platform.admin.AdminTenantsResource;
import io.billingnow.platform.identity.apikeys.ApiKeyService;
import io.billingnow.platform.identity.apikeys.ApiKeysResource;
import io.billingnow.platform.audit.AuditChainVerifier;
import io.billingnow.platform.audit.AuditEventsResource;
import io.billingnow.platform.audit.AuditLog;
import io.billingnow.platform.audit.AuditTrail;
import io.billingnow.platform.cli.AuditVerifyCommand;
import io.billingnow.platform.identity.auth.AccessControlFeature;
import io.billingnow.platform.identity.auth.Authenticator;
import io.billingnow.platform.billing.creditnotes.CreditNoteResource;
import io.billingnow.platform.billing.creditnotes.CreditNoteService;
import io.billingnow.platform.billing.creditnotes.CreditNotesResource;
import io.billingnow.platform.billing.customers.CustomerService;
import io.billingnow.platform.billing.customers.CustomersResource;
import io.billingnow.platform.cli.CommandGroup;
import io.billingnow.platform.db.Databases;
import io.billingnow.platform.cli.DevCommand;
import io.billingnow.platform.db.StatementMeter;
import io.billingnow.platform.dev.FileOrClasspathSourceProvider;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.billingnow.platform.core.tx.PlatformTransactions;
import io.billingnow.platform.db.SchemaMigrator;
import io.billingnow.platform.core.tx.TenantTransactions;
import io.billingnow.platform.http.ETagFilter;
import io.billingnow.platform.http.ExceptionMappers;
import io.billingnow.platform.json.JsonConventions;
import io.billingnow.platform.http.ProblemErrorHandler;
import io.billingnow.platform.http.StrictQueryParameters;
import io.billingnow.platform.http.RequestIdFilter;
import io.billingnow.platform.billing.invoices.InvoiceService;
import io.billingnow.platform.billing.invoices.InvoicesResource;
import io.billingnow.platform.keys.Keys;
import io.billingnow.platform.protection.logging.RedactingTurboFilter;
import io.billingnow.platform.protection.logging.RequestLogRedaction;
import io.billingnow.platform.protection.monitoring.CallerContextFilter;
import io.billingnow.platform.protection.monitoring.Lockouts;
import io.billingnow.platform.cli.LockoutsCommand;
import io.billingnow.platform.protection.monitoring.LockoutsResource;
import io.billingnow.platform.protection.monitoring.MonitoredAccessRefusals;
import io.billingnow.platform.protection.monitoring.PrometheusServlet;
import io.billingnow.platform.protection.monitoring.RequestGuardFilter;
import io.billingnow.platform.protection.monitoring.SecurityEventList;
import io.billingnow.platform.protection.monitoring.SecurityEvents;
import io.billingnow.platform.protection.monitoring.SecurityEventsResource;
import io.billingnow.platform.protection.ratelimit.BucketStores;
import io.billingnow.platform.protection.ratelimit.RateLimiter;
import io.billingnow.platform.billing.numbering.DocumentNumberAllocator;
import io.billingnow.platform.billing.payments.CreditBalanceResource;
import io.billingnow.platform.billing.payments.PaymentService;
import io.billingnow.platform.billing.payments.ManualPaymentRules;
import io.billingnow.platform.billing.payments.PaymentsResource;
import io.billingnow.platform.cli.CreateOperatorTokenCommand;
import io.billingnow.platform.identity.operators.OperatorTokens;
import io.billingnow.platform.idempotency.IdempotencyFeature;
import io.billingnow.platform.idempotency.IdempotencyFilter;
import io.billingnow.platform.idempotency.IdempotencyKeyCleanup;
import io.billingnow.platform.idempotency.IdempotencyStore;
import io.billingnow.platform.openapi.OpenApiDocument;
import io.billingnow.platform.openapi.OpenApiResource;
import io.billingnow.platform.protection.SecurityBundle;
import io.billingnow.platform.identity.sessions.SessionCookie;
import io.billingnow.platform.identity.signin.SignInModule;
import io.billingnow.platform.web.WebApp;
import io.billingnow.platform.tenancy.TenantService;
import io.billingnow.platform.tenancy.config.TenantsConfigReconciler;
import io.billingnow.platform.cli.ValidateTenantsCommand;
import io.billingnow.platform.billing.paylinks.InvoicePaymentLinksResource;
import io.billingnow.platform.billing.paylinks.PayLinkRequestLog;
import io.billingnow.platform.identity.members.AdminOwnerInvitationsResource;
import io.billingnow.platform.identity.members.FirstOwnerInvitations;
import io.billingnow.platform.identity.members.Invitations;
import io.billingnow.platform.cli.InviteOwnerCommand;
import io.billingnow.platform.offboarding.AdminTenantExportResource;
import io.billingnow.platform.offboarding.PersonalDataEraser;
import io.billingnow.platform.offboarding.TenantExport;
import io.billingnow.platform.billing.paylinks.PayPageResource;
import io.billingnow.platform.billing.paylinks.PayPageStylesheet;
import io.billingnow.platform.billing.paylinks.PaymentLinkService;
import io.billingnow.platform.billing.paylinks.PaymentLinksResource;
import io.billingnow.platform.providers.plugins.PluginHealthCheck;
import io.billingnow.platform.providers.plugins.PluginHost;
import io.billingnow.platform.protection.egress.EgressHttpClient;
import io.billingnow.platform.protection.egress.EgressPolicy;
import io.billingnow.platform.providers.plugins.PluginsResource;
import io.billingnow.platform.providers.plugins.TenantProvidersResource;
import io.billingnow.platform.providers.accounts.ProviderAccountService;
import io.billingnow.platform.providers.accounts.ProviderAccountsResource;
import io.billingnow.platform.providers.webhooks.WebhookResource;
import io.billingnow.platform.providers.webhooks.WebhookReviewsResource;
import io.billingnow.platform.providers.webhooks.WebhookService;
import io.dropwizard.core.Application;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.jdbi3.JdbiFactory;
import io.dropwizard.migrations.MigrationsBundle;
import jakarta.servlet.DispatcherType;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
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
        JsonConventions.apply(bootstrap.getObjectMapper());
        bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(new FileOrClasspathSourceProvider(),
                new EnvironmentVariableSubstitutor(false)));
        bootstrap.addCommand(new DevCommand(this));
        bootstrap.addBundle(new SecurityBundle<>(BillingNowConfiguration::getSecurity));
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
        bootstrap.addCommand(new CommandGroup("audit", "Audit trail tools", List.of(new AuditVerifyCommand())));
        bootstrap.addCommand(new CommandGroup("tenants", "Tenant tools", List.of(new ValidateTenantsCommand(),
                new InviteOwnerCommand())));
        bootstrap.addCommand(new CommandGroup("operators", "Operator credentials",
                List.of(new CreateOperatorTokenCommand())));
        bootstrap.addCommand(new CommandGroup("security", "Security tools", List.of(new CommandGroup("lockouts",
                "Lockouts in force (docs/security.md)", List.of(LockoutsCommand.list(), LockoutsCommand.lift())))));
    }

    @Override
    public void run(BillingNowConfiguration config, Environment environment) throws Exception {
        if (config.getPlatform().isMigrateOnStart()) {
            migrate(config.getMigrationDatabase(), environment);
        }
        ObjectMapper json = environment.getObjectMapper();
        Jdbi jdbi = Databases.configure(new JdbiFactory().build(environment, config.getDatabase(), "postgresql"), json);
        StatementMeter.install(jdbi, environment.metrics());
        Databases.requireReadCommitted(jdbi);
        TenantTransactions tenantTx = new TenantTransactions(jdbi);
        PlatformTransactions platformTx = new PlatformTransactions(jdbi);
        AuditLog audit = new AuditLog(json, clock);
        // Before anything reads or writes tenant data: a wrong or missing master key stops startup here.
        Keys keys = Keys.open(config.getKeys(), platformTx, tenantTx, audit, clock);
        environment.lifecycle().manage(keys);
        TenantService tenants = new TenantService(audit, clock);
        tenants.addListener(keys.tenantKeys());
        tenants.addListener(new PersonalDataEraser());
        Authenticator authenticator = new Authenticator(platformTx, clock);

        if (config.getServerFactory() instanceof DefaultServerFactory server) {
            server.setRegisterDefaultExceptionMappers(false);
        }
        environment.servlets().addFilter("request-id", new RequestIdFilter())
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
        ExceptionMappers.register(environment.jersey().getResourceConfig());
        JsonConventions.refuseCoercion(environment.getObjectMapper());
        environment.jersey().register(new StrictQueryParameters());
        ProblemErrorHandler.install(environment);
        RedactingTurboFilter.install();
        RequestLogRedaction.install(config.getServerFactory());
        // One egress rule for every outbound request: plugins' provider calls and the alert webhook (plugins.egress).
        EgressPolicy egressPolicy = new EgressPolicy(config.getPlugins().getEgress());
        EgressHttpClient alertEgress = new EgressHttpClient(egressPolicy, java.time.Duration.ofSeconds(10));
        environment.lifecycle().manage(alertEgress);
        SecurityEvents securityEvents = new SecurityEvents(tenantTx, platformTx, audit, environment.metrics(),
                config.getMonitoring().getRules(), config.getMonitoring().alertSink(json, alertEgress),
                new Lockouts(platformTx, clock), config.getMonitoring().alertWindows(platformTx), clock);
        RateLimiter rateLimiter = new RateLimiter(config.getMonitoring().getRateLimits(),
                BucketStores.create(config.getMonitoring().getRateLimits(), config.getDatabase(), environment));
        environment.servlets().addFilter("request-guard", new RequestGuardFilter(rateLimiter, securityEvents, json,
                SessionCookie.NAME))
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
        environment.jersey().register(new CallerContextFilter(rateLimiter, securityEvents));
        environment.jersey().register(new LockoutsResource(securityEvents));
        environment.jersey().register(new SecurityEventsResource(new SecurityEventList(platformTx)));
        environment.admin().addServlet("prometheus", new PrometheusServlet(environment.metrics())).addMapping("/prometheus");
        SignInModule signIn = new SignInModule(config.getSignIn(), config.getPlatform().getPublicBaseUrl(), platformTx,
                tenantTx, audit, json, clock, securityEvents);
        environment.jersey().register(new AccessControlFeature(authenticator, signIn.sessionAuthenticator(),
                new MonitoredAccessRefusals(securityEvents)));
        signIn.registerResources(environment.jersey());
        IdempotencyStore idempotency = new IdempotencyStore(config.getIdempotency(),
                keys.encryptor(), clock);
        environment.jersey().register(new IdempotencyFeature(new IdempotencyFilter(tenantTx, idempotency)));
        environment.lifecycle().manage(new IdempotencyKeyCleanup(platformTx, tenantTx, idempotency,
                config.getIdempotency().getCleanupInterval()));
        environment.jersey().register(new ETagFilter());
        environment.jersey().register(new OpenApiResource(new OpenApiDocument(config.getPlatform().getPublicBaseUrl(),
                BillingNowApplication.class.getPackage().getImplementationVersion())));

        DocumentNumberAllocator numbers = new DocumentNumberAllocator();
        CustomerService customers = new CustomerService(keys.encryptor(), audit, clock);
        InvoiceService invoices = new InvoiceService(customers, keys.encryptor(), numbers,
                config.getInvoices(), audit, json, clock);
        PaymentService payments = new PaymentService(invoices, audit, clock);
        CreditNoteService creditNotes = new CreditNoteService(invoices, numbers, audit, clock);

        WebApp.register(environment.jersey(), environment.metrics(), signIn, platformTx, tenantTx, invoices, payments,
                customers, clock);
        environment.jersey().register(new ApiKeysResource(tenantTx, new ApiKeyService(audit, clock)));
        environment.jersey().register(new CustomersResource(tenantTx, customers));
        environment.jersey().register(new InvoicesResource(tenantTx, invoices));
        environment.jersey().register(new PaymentsResource(tenantTx, payments, invoices,
                new ManualPaymentRules(config.getPayments(), clock)));
        environment.jersey().register(new CreditBalanceResource(tenantTx, customers));
        environment.jersey().register(new CreditNotesResource(tenantTx, creditNotes));
        environment.jersey().register(new CreditNoteResource(tenantTx, creditNotes));
        environment.jersey().register(new AdminTenantsResource(tenants, tenantTx, platformTx));
        environment.jersey().register(new AdminOwnerInvitationsResource(tenantTx, new FirstOwnerInvitations(
                new Invitations(audit, clock, config.getSignIn().getInvitationLifetime()))));
        environment.jersey().register(new AdminTenantExportResource(platformTx, tenantTx,
                new TenantExport(customers, invoices, creditNotes, audit, json, clock)));
        AuditTrail auditTrail = new AuditTrail(tenantTx, json);
        environment.jersey().register(new AuditEventsResource(auditTrail));
        environment.jersey().register(new AdminAuditResource(platformTx, auditTrail, new AuditChainVerifier(tenantTx)));
        environment.jersey().register(new AdminOperatorTokensResource(new OperatorTokens(platformTx, clock)));

        environment.jersey().register(new AdminKeysResource(keys, platformTx, securityEvents));

        PluginHost plugins = new PluginHost(config.getPlugins(), clock, securityEvents, egressPolicy);
        environment.lifecycle().manage(plugins);
        environment.healthChecks().register("plugins", new PluginHealthCheck(plugins));
        ProviderAccountService providerAccounts = new ProviderAccountService(plugins, platformTx,
                keys.encryptor(), audit, json, clock,
                config.getPlatform().getPublicBaseUrl());
        PaymentLinkService paymentLinks = new PaymentLinkService(tenantTx, platformTx, invoices,
                providerAccounts, plugins, audit, clock, config.getPlatform().getPublicBaseUrl());
        environment.jersey().register(new PluginsResource(plugins));
        environment.jersey().register(new TenantProvidersResource(plugins, tenants, tenantTx, platformTx));
        environment.jersey().register(new ProviderAccountsResource(tenantTx, providerAccounts));
        environment.jersey().register(new WebhookResource(new WebhookService(platformTx, tenantTx, providerAccounts,
                plugins, invoices, payments, audit, clock, securityEvents), config.getPlugins().getWebhookMaxBody().toBytes()));
        environment.jersey().register(new WebhookReviewsResource(tenantTx));
        environment.jersey().register(new InvoicePaymentLinksResource(paymentLinks));
        environment.jersey().register(new PaymentLinksResource(paymentLinks));
        environment.jersey().register(new PayPageResource(paymentLinks));
        environment.jersey().register(new PayPageStylesheet());
        PayLinkRequestLog.install(config.getServerFactory());

        // Last, so that tenants it provisions see every lifecycle listener registered above.
        String tenantsConfigDir = config.getPlatform().getTenantsConfigDir();
        if (tenantsConfigDir != null) {
            new TenantsConfigReconciler(tenants, tenantTx, platformTx).reconcile(Path.of(tenantsConfigDir));
        }
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
