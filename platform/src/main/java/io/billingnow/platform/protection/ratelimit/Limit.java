package io.billingnow.platform.protection.ratelimit;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** A token bucket: {@code requests} per {@code period}, refilled gradually; {@code requests: 0} turns it off. */
public final class Limit {

    @Min(0)
    @JsonProperty("requests")
    private long requests;

    @NotNull
    @JsonProperty("period")
    private Duration period = Duration.minutes(1);

    public Limit() {
    }

    public Limit(long requests, Duration period) {
        this.requests = requests;
        this.period = period;
    }

    public long requests() {
        return requests;
    }

    public java.time.Duration period() {
        return period.toJavaDuration();
    }

    public boolean enabled() {
        return requests > 0;
    }
}
