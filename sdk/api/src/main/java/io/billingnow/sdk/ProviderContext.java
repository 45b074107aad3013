package io.billingnow.sdk;

import io.billingnow.sdk.http.HttpTransport;

import java.time.Clock;
import java.util.Objects;

/**
 * What the host hands a provider when creating it. Plugins must make every outbound HTTP call through
 * {@link #http()} and read the time only from {@link #clock()} (so tests and the host control it).
 *
 * <p>The host's transport enforces its egress policy on every request: HTTPS only in production; only the hosts the
 * provider declares in {@link ProviderDescriptor#egressHosts()} (plus any an operator adds for it); never an address
 * that is not public (loopback, private, link-local, unique-local, carrier-grade NAT, multicast, cloud metadata),
 * checked after name resolution and pinned for the connection; no redirect followed (a 3xx is returned as is). A
 * refused request fails with an {@link java.io.IOException} and the host answers the call as a configuration
 * problem of the tenant's account, not as a fault of the plugin. Each provider gets its own context.
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
