package io.billingnow.platform.plugins;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.billingnow.platform.egress.EgressSettings;
import io.dropwizard.util.DataSize;
import io.dropwizard.util.Duration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** The {@code plugins:} section: where payment-provider plugins come from and how calls into them are bounded. */
public class PluginSettings {

    /** A folder of PF4J plugin zips; null loads no plugins. Dev and tests point it at freshly built zips. */
    @JsonProperty
    private String directory;

    /** The longest a call into a plugin may take before the request fails with 502 provider-failed. */
    @NotNull
    @JsonProperty
    private Duration callTimeout = Duration.seconds(10);

    /** Threads running plugin calls; a call beyond these and the queue fails at once rather than waiting. */
    /** The longest loading a plugin's factory (class loading, static set-up, descriptor, create) may take. */
    @NotNull
    @JsonProperty
    private Duration loadTimeout = Duration.seconds(30);

    @Min(1)
    @Max(256)
    @JsonProperty
    private int maxConcurrentCalls = 16;

    @Min(0)
    @Max(10_000)
    @JsonProperty
    private int callQueue = 64;

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
