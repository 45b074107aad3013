package io.billingnow.platform.idempotency;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.TimeUnit;

/** How long {@code Idempotency-Key}s are remembered, and how often forgotten ones are cleaned up. */
public class IdempotencySettings {

    /** Clients are promised at least a day to retry; shorter would break that promise. */
    @NotNull
    @MinDuration(value = 24, unit = TimeUnit.HOURS)
    @JsonProperty
    private Duration retention = Duration.hours(24);

    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.MINUTES)
    @JsonProperty
    private Duration cleanupInterval = Duration.hours(1);

    /**
     * A key whose request never finished (the process died mid-request) is taken over by a retry after this long;
     * until then the retry is told the first request is still in progress.
     */
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    @JsonProperty
    private Duration abandonedAfter = Duration.minutes(10);

    public Duration getRetention() {
        return retention;
    }

    public Duration getCleanupInterval() {
        return cleanupInterval;
    }

    public Duration getAbandonedAfter() {
        return abandonedAfter;
    }
}
