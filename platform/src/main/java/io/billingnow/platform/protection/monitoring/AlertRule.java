package io.billingnow.platform.protection.monitoring;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * When {@code threshold} events of {@code kind} with the same {@code by} key fall in {@code window}, an alert is
 * raised; if {@code lockout} is longer than zero, that address or subject is also refused (429) on the event's route
 * class for that long.
 */
public final class AlertRule {

    /** What events are grouped by. */
    public enum By { ADDRESS, SUBJECT, TENANT }

    @NotNull
    @JsonProperty("kind")
    private SecurityEventKind kind;

    @NotNull
    @JsonProperty("by")
    private By by;

    @Min(1)
    @JsonProperty("threshold")
    private int threshold;

    @NotNull
    @JsonProperty("window")
    private Duration window = Duration.minutes(5);

    @NotNull
    @JsonProperty("lockout")
    private Duration lockout = Duration.seconds(0);

    public AlertRule() {
    }

    public AlertRule(SecurityEventKind kind, By by, int threshold, Duration window, Duration lockout) {
        this.kind = kind;
        this.by = by;
        this.threshold = threshold;
        this.window = window;
        this.lockout = lockout;
    }

    public SecurityEventKind kind() {
        return kind;
    }

    public By by() {
        return by;
    }

    public int threshold() {
        return threshold;
    }

    public java.time.Duration window() {
        return window.toJavaDuration();
    }

    public java.time.Duration lockout() {
        return lockout.toJavaDuration();
    }
}
