package io.billingnow.platform.providers.plugins;

import com.codahale.metrics.health.HealthCheck;
import java.util.Map;
import java.util.stream.Collectors;

/** Unhealthy while any payment-provider plugin's last call threw, hung or answered garbage. */
public final class PluginHealthCheck extends HealthCheck {

    private final PluginHost host;

    public PluginHealthCheck(PluginHost host) {
        this.host = host;
    }

    @Override
    protected Result check() {
        Map<String, PluginHealth> unhealthy = host.unhealthy();
        if (unhealthy.isEmpty()) {
            return Result.healthy(host.providers().size() + " payment providers loaded");
        }
        return Result.unhealthy(unhealthy.entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue().lastFailure())
                .collect(Collectors.joining("; ")));
    }
}
