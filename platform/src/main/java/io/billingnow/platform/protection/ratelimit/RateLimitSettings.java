package io.billingnow.platform.protection.ratelimit;

import com.fasterxml.jackson.annotation.JsonMerge;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * Rate limits per route class. {@code backend: memory} keeps buckets in this node (one node, tests);
 * {@code backend: postgresql} keeps them in the {@code rate_limit_buckets} table so that limits hold across nodes.
 */
public final class RateLimitSettings {

    public enum Backend { MEMORY, POSTGRESQL }

    @JsonProperty("enabled")
    private boolean enabled = true;

    @NotNull
    @JsonProperty("backend")
    private Backend backend = Backend.MEMORY;

    /** How often the PostgreSQL backend deletes buckets that have refilled completely. */
    @NotNull
    @JsonProperty("cleanupInterval")
    private Duration cleanupInterval = Duration.minutes(10);

    @Valid
    @NotNull
    @JsonMerge
    @JsonProperty("signIn")
    private RouteLimits signIn = new RouteLimits(new Limit(30, Duration.minutes(1)), new Limit(0, Duration.minutes(1)),
            new Limit(0, Duration.minutes(1)));

    @Valid
    @NotNull
    @JsonMerge
    @JsonProperty("api")
    private RouteLimits api = new RouteLimits(new Limit(1200, Duration.minutes(1)),
            new Limit(600, Duration.minutes(1)), new Limit(3000, Duration.minutes(1)));

    @Valid
    @NotNull
    @JsonMerge
    @JsonProperty("webhooks")
    private RouteLimits webhooks = new RouteLimits(new Limit(600, Duration.minutes(1)),
            new Limit(300, Duration.minutes(1)), new Limit(1200, Duration.minutes(1)));

    @Valid
    @NotNull
    @JsonMerge
    @JsonProperty("pay")
    private RouteLimits pay = new RouteLimits(new Limit(60, Duration.minutes(1)), new Limit(30, Duration.minutes(1)),
            new Limit(0, Duration.minutes(1)));

    /** Per person ({@code perCredential}: {@code user:<id>}), taken by each attempt to sign up a business. */
    @Valid
    @NotNull
    @JsonMerge
    @JsonProperty("signUp")
    private RouteLimits signUp = new RouteLimits(new Limit(0, Duration.minutes(1)), new Limit(5, Duration.hours(1)),
            new Limit(0, Duration.minutes(1)));

    public boolean isEnabled() {
        return enabled;
    }

    public Backend getBackend() {
        return backend;
    }

    public java.time.Duration getCleanupInterval() {
        return cleanupInterval.toJavaDuration();
    }

    public RouteLimits limits(RouteClass routeClass) {
        return switch (routeClass) {
            case SIGN_IN -> signIn;
            case API -> api;
            case WEBHOOKS -> webhooks;
            case PAY -> pay;
            case SIGN_UP -> signUp;
        };
    }
}
