package io.billingnow.platform.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.billingnow.platform.http.RequestIdLogging;
import io.billingnow.platform.protection.monitoring.MonitoringSettings;
import io.billingnow.platform.idempotency.IdempotencySettings;
import io.billingnow.platform.protection.SecurityConfiguration;
import io.billingnow.platform.identity.signin.SignInSettings;
import io.billingnow.platform.keys.KeySettings;
import io.billingnow.platform.providers.plugins.PluginSettings;
import io.dropwizard.core.Configuration;
import io.dropwizard.db.DataSourceFactory;
import io.billingnow.platform.billing.invoices.InvoiceSettings;
import io.billingnow.platform.billing.payments.PaymentSettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * The platform's configuration, nested by concern. Defaults live inline so a minimal YAML file stays minimal.
 */
public class BillingNowConfiguration extends Configuration {

    /** Connection used by the running application: a non-owner role that row-level security applies to. */
    @Valid
    @NotNull
    @JsonProperty("database")
    private DataSourceFactory database = new DataSourceFactory();

    /** Connection used only by `db migrate`: the role that owns the schema. */
    @Valid
    @NotNull
    @JsonProperty("migrationDatabase")
    private DataSourceFactory migrationDatabase = new DataSourceFactory();

    @Valid
    @NotNull
    @JsonProperty("platform")
    private PlatformSettings platform = new PlatformSettings();

    @Valid
    @NotNull
    @JsonProperty("idempotency")
    private IdempotencySettings idempotency = new IdempotencySettings();

    @Valid
    @NotNull
    @JsonProperty("signIn")
    private SignInSettings signIn = new SignInSettings();

    public BillingNowConfiguration() {
        setLoggingFactory(RequestIdLogging.defaultLogging());
    }

    public IdempotencySettings getIdempotency() {
        return idempotency;
    }

    public SignInSettings getSignIn() {
        return signIn;
    }

    /** Master key, data-key cache, usage limits and re-encryption (docs/encryption.md). */
    @Valid
    @NotNull
    @JsonProperty("keys")
    private KeySettings keys = new KeySettings();

    public KeySettings getKeys() {
        return keys;
    }

    /** Payment-provider plugins: where they are loaded from and how calls into them are bounded. */
    @Valid
    @NotNull
    @JsonProperty("plugins")
    private PluginSettings plugins = new PluginSettings();

    public PluginSettings getPlugins() {
        return plugins;
    }

    public PlatformSettings getPlatform() {
        return platform;
    }

    @Valid
    @NotNull
    @JsonProperty("security")
    private SecurityConfiguration security = new SecurityConfiguration();

    /** Rate limits, security-event alert rules and the alert sink (docs/security.md, "Monitoring"). */
    @Valid
    @NotNull
    @JsonProperty("monitoring")
    private MonitoringSettings monitoring = new MonitoringSettings();

    public MonitoringSettings getMonitoring() {
        return monitoring;
    }

    public SecurityConfiguration getSecurity() {
        return security;
    }

    public DataSourceFactory getDatabase() {
        return database;
    }

    public DataSourceFactory getMigrationDatabase() {
        return migrationDatabase;
    }

    /** Plausibility bounds of payments recorded through the API (docs/payments.md). */
    @Valid
    @NotNull
    @JsonProperty("payments")
    private PaymentSettings payments = new PaymentSettings();

    public PaymentSettings getPayments() {
        return payments;
    }

    /** Plausibility bounds of invoices (docs/payments.md). */
    @Valid
    @NotNull
    @JsonProperty("invoices")
    private InvoiceSettings invoices = new InvoiceSettings();

    public InvoiceSettings getInvoices() {
        return invoices;
    }
}
