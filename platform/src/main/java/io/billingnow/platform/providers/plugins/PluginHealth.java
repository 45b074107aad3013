package io.billingnow.platform.providers.plugins;

import java.time.Instant;

/**
 * How a plugin's calls have gone. A plugin that threw, hung or answered garbage is unhealthy until a later call
 * succeeds; {@code lastFailure} says what happened, never with request data.
 */
public record PluginHealth(boolean healthy, String lastFailure, Instant lastFailureAt, long failures) {

    static final PluginHealth INITIAL = new PluginHealth(true, null, null, 0);

    PluginHealth failed(String what, Instant at) {
        return new PluginHealth(false, what, at, failures + 1);
    }

    PluginHealth succeeded() {
        return healthy ? this : new PluginHealth(true, lastFailure, lastFailureAt, failures);
    }
}
