package io.billingnow.platform.providers.plugins;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.billingnow.platform.protection.egress.EgressSettings;
import io.dropwizard.util.DataSize;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.ValidationMethod;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** The {@code plugins:} section: where payment-provider plugins come from and how calls into them are bounded. */
public class PluginSettings {

    /** A folder of PF4J plugin zips; null loads no plugins. Dev and tests point it at freshly built zips. */
    @JsonProperty
    private String directory;

    /**
     * The longest a call into a plugin may take. Past it the request fails with 503 provider-unavailable if the
     * plugin was waiting on its provider's server (the remote's slowness), else with 502 provider-failed (a plugin
     * fault).
     */
    @NotNull
    @JsonProperty
    private Duration callTimeout = Duration.seconds(10);

    /** The longest loading a plugin's factory (class loading, static set-up, descriptor, create) may take. */
    @NotNull
    @JsonProperty
    private Duration loadTimeout = Duration.seconds(30);

    /** Threads running plugin calls; a call beyond these and the queue fails at once rather than waiting. */
    @Min(1)
    @Max(256)
    @JsonProperty
    private int maxConcurrentCalls = 16;

    @Min(0)
    @Max(10_000)
    @JsonProperty
    private int callQueue = 64;

    /**
     * Bulkhead: plugin calls one tenant may have running or queued at once. One more is refused with 503
     * {@code provider-busy} for that tenant only, so a tenant whose provider account points at a slow server cannot
     * take the threads other tenants need.
     */
    @Min(1)
    @Max(256)
    @JsonProperty
    private int maxConcurrentCallsPerTenant = 4;

    /**
     * Bulkhead: plugin calls one provider (all tenants together) may have running or queued at once, so a slow or
     * hung provider leaves threads for the others.
     */
    @Min(1)
    @Max(256)
    @JsonProperty
    private int maxConcurrentCallsPerProvider = 12;

    /** What a 503 from a provider call (busy, over budget, provider unreachable) asks the client to wait. */
    @NotNull
    @JsonProperty
    private Duration retryAfter = Duration.seconds(10);

    /** Connect and response timeout of the HTTP transport plugins use to reach their provider. */
    @NotNull
    @JsonProperty
    private Duration httpTimeout = Duration.seconds(8);

    /** Where plugins' requests may go (docs/security.md, "Egress policy"). */
    @NotNull
    @Valid
    @JsonProperty
    private EgressSettings egress = new EgressSettings();

    /** Webhook bodies larger than this are refused with 413 before any plugin sees them. */
    @NotNull
    @JsonProperty
    private DataSize webhookMaxBody = DataSize.kibibytes(256);

    public String getDirectory() {
        return directory;
    }

    public void setDirectory(String directory) {
        this.directory = directory;
    }

    public Duration getCallTimeout() {
        return callTimeout;
    }

    public Duration getLoadTimeout() {
        return loadTimeout;
    }

    public int getMaxConcurrentCalls() {
        return maxConcurrentCalls;
    }

    public int getCallQueue() {
        return callQueue;
    }

    public int getMaxConcurrentCallsPerTenant() {
        return maxConcurrentCallsPerTenant;
    }

    public int getMaxConcurrentCallsPerProvider() {
        return maxConcurrentCallsPerProvider;
    }

    public Duration getRetryAfter() {
        return retryAfter;
    }

    /** A tenant's budget must fit in a provider's, and a provider's in the pool, or the smaller one never applies. */
    @JsonIgnore
    @ValidationMethod(message = "plugins: maxConcurrentCallsPerTenant <= maxConcurrentCallsPerProvider"
            + " <= maxConcurrentCalls + callQueue is required")
    public boolean isBudgetNested() {
        return maxConcurrentCallsPerTenant <= maxConcurrentCallsPerProvider
                && maxConcurrentCallsPerProvider <= maxConcurrentCalls + callQueue;
    }

    public Duration getHttpTimeout() {
        return httpTimeout;
    }

    public EgressSettings getEgress() {
        return egress;
    }

    public DataSize getWebhookMaxBody() {
        return webhookMaxBody;
    }
}
