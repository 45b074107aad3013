package io.billingnow.platform.monitoring;

import io.billingnow.platform.ratelimit.RouteClass;
import io.billingnow.platform.tenancy.TenantId;
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
