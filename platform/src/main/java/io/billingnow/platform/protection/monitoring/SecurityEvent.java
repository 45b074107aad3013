package io.billingnow.platform.protection.monitoring;

import io.billingnow.platform.protection.ratelimit.RouteClass;
import io.billingnow.platform.core.TenantId;
import java.util.Objects;

/**
 * One security event. {@code tenant} is set when it belongs to a tenant (it then goes to that tenant's audit log);
 * {@code subject} names what was targeted, e.g. {@code credential:<fingerprint>} or {@code webhook:<fingerprint>},
 * never a secret. {@code detail} is a short text we wrote, never attacker-supplied input.
 */
public record SecurityEvent(SecurityEventKind kind, RouteClass routeClass, TenantId tenant, String address,
                            String subject, String detail) {

    public SecurityEvent {
        Objects.requireNonNull(kind, "kind");
    }
}
