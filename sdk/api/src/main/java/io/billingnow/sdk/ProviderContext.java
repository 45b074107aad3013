package io.billingnow.sdk;

import io.billingnow.sdk.http.HttpTransport;

import java.time.Clock;
import java.util.Objects;

/**
 * What the host hands a provider when creating it. Plugins must make every outbound HTTP call through
 * {@link #http()} (the host enforces timeouts and egress rules there) and read the time only from
 * {@link #clock()} (so tests and the host control it).
 *
 * @param http  the host's HTTP transport
 * @param clock the host's clock
 */
public record ProviderContext(HttpTransport http, Clock clock) {

    /** Validates that both are present. */
    public ProviderContext {
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(clock, "clock");
    }
}
