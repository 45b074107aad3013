package io.billingnow.platform.protection.monitoring;

import io.billingnow.platform.core.RequestIds;
import com.codahale.metrics.MetricRegistry;
import io.billingnow.platform.audit.AuditEvent;
import io.billingnow.platform.audit.AuditLog;
import io.billingnow.platform.core.tx.PlatformTransactions;
import io.billingnow.platform.core.tx.TenantTransactions;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one stream of security events, fed by the code that knows what happened (access checks, sign-in, CSRF, sessions,
 * key operations, webhooks, plugins, the request guard's own refusals). Each event is logged on
 * {@code io.billingnow.security}, counted in the metric {@code io.billingnow.security.events.<kind>}, listed in the
 * platform's {@code security_events} table (which the admin console lists) and, when it belongs to a tenant, also
 * written to that tenant's audit log; then it is checked against the alert rules, which may raise an alert and lock
 * the address or subject out for a while. An event raised while serving a request gets that request's route class
 * and client address when it does not name them itself. Recording never fails the request that caused it.
 */
public final class SecurityEvents {

    private static final Logger LOG = LoggerFactory.getLogger("io.billingnow.security");
    public static final String METRIC_PREFIX = "io.billingnow.security.events.";

    private final TenantTransactions tenants;
    private final PlatformTransactions platform;
    private final AuditLog audit;
    private final MetricRegistry metrics;
    private final List<AlertRule> rules;
    private final AlertSink sink;
    private final Lockouts lockouts;
    private final AlertWindows windows;
    private final Clock clock;

    public SecurityEvents(TenantTransactions tenants, PlatformTransactions platform, AuditLog audit,
                          MetricRegistry metrics, List<AlertRule> rules, AlertSink sink, Lockouts lockouts,
                          AlertWindows windows, Clock clock) {
        this.tenants = tenants;
        this.platform = platform;
        this.audit = audit;
        this.metrics = metrics;
        this.rules = List.copyOf(rules);
        this.sink = sink;
        this.lockouts = lockouts;
        this.windows = windows;
        this.clock = clock;
        for (SecurityEventKind kind : SecurityEventKind.values()) {
            metrics.meter(METRIC_PREFIX + kind.wireName());
        }
    }

    public Lockouts lockouts() {
        return lockouts;
    }

    public void record(SecurityEvent raised) {
        Optional<GuardedRequest> request = GuardedRequest.current();
        SecurityEvent event = request.map(r -> new SecurityEvent(raised.kind(),
                        raised.routeClass() != null ? raised.routeClass() : r.routeClass(), raised.tenant(),
                        raised.address() != null ? raised.address() : r.address(), raised.subject(),
                        clean(raised.detail())))
                .orElseGet(() -> new SecurityEvent(raised.kind(), raised.routeClass(), raised.tenant(),
                        raised.address(), raised.subject(), clean(raised.detail())));
        metrics.meter(METRIC_PREFIX + event.kind().wireName()).mark();
        LOG.info("security event: kind={} route={} tenant={} address={} subject={} detail={}",
                event.kind().wireName(), event.routeClass() == null ? "-" : event.routeClass().wireName(),
                event.tenant() == null ? "-" : event.tenant(), orDash(event.address()), orDash(event.subject()),
                orDash(event.detail()));
        try {
            persist(event);
        } catch (RuntimeException e) {
            LOG.error("Security event could not be stored: kind={}", event.kind().wireName(), e);
        }
        try {
            check(event, request.map(GuardedRequest::viaUntrustedProxy).orElse(false));
        } catch (RuntimeException e) {
            LOG.error("Security event could not be checked against the alert rules: kind={}", event.kind().wireName(),
                    e);
        }
    }

    private void persist(SecurityEvent event) {
        UUID id = insert(platform, event, clock.instant(), RequestIds.current());
        if (event.tenant() == null) {
            return;
        }
        // The tenant's own, tamper-evident record of what happened to it.
        Map<String, Object> details = new LinkedHashMap<>();
        if (event.routeClass() != null) {
            details.put("routeClass", event.routeClass().wireName());
        }
        if (event.address() != null) {
            details.put("address", event.address());
        }
        if (event.detail() != null) {
            details.put("detail", event.detail());
        }
        details.put("securityEventId", id.toString());
        tenants.write(event.tenant(), tx -> audit.append(tx, new AuditEvent("client",
                orDash(event.address()), "security", orDash(event.subject()),
                "security." + event.kind().wireName(), null, details)));
    }

    /** Adds the event to the platform's list of security events; returns its id. */
    public static UUID insert(PlatformTransactions platform, SecurityEvent event, Instant at, String requestId) {
        UUID id = UUID.randomUUID();
        // One statement in autocommit: recording an event adds no BEGIN and COMMIT to the request that caused it.
        platform.autocommit(SecurityEventDao.class, dao -> dao.insert(id, at, event.kind().wireName(),
                    event.routeClass() == null ? null : event.routeClass().wireName(),
                    event.tenant() == null ? null : event.tenant().value(), truncate(event.address(), 64),
                    truncate(event.subject(), 200), truncate(event.detail(), 500), truncate(requestId, 64)));
        return id;
    }

    private void check(SecurityEvent event, boolean viaUntrustedProxy) {
        Instant now = clock.instant();
        for (AlertRule rule : rules) {
            if (rule.kind() != event.kind()) {
                continue;
            }
            String key = switch (rule.by()) {
                case ADDRESS -> event.address() == null ? null : RequestGuardFilter.addressTarget(event.address());
                case SUBJECT -> event.subject();
                case TENANT -> event.tenant() == null ? null : "tenant:" + event.tenant();
            };
            if (key == null) {
                continue;
            }
            String windowKey = rule.kind().wireName() + "|" + rule.by() + "|" + key;
            int count = windows.record(windowKey, now, rule.window(), rule.threshold());
            if (count < rule.threshold()) {
                continue;
            }
            windows.reset(windowKey);
            // Behind a proxy that is not configured as trusted, every client shares the proxy's address: locking it
            // would lock everybody out, so such an address is only alerted on (and the alert says why).
            boolean lock = !rule.lockout().isZero() && !rule.lockout().isNegative() && event.routeClass() != null
                    && rule.by() != AlertRule.By.TENANT && !(rule.by() == AlertRule.By.ADDRESS && viaUntrustedProxy);
            if (rule.by() == AlertRule.By.ADDRESS && viaUntrustedProxy) {
                LOG.warn("Not locking out {}: it sent forwarding headers but is not in trustedProxies, so it is "
                        + "probably a proxy in front of every client; configure trustedProxies", key);
            }
            if (lock) {
                lockouts.lock(event.routeClass(), key, rule.kind().wireName(), rule.lockout());
            }
            raise(new Alert(now, rule.kind().wireName(), rule.by().name().toLowerCase(java.util.Locale.ROOT), key,
                    count, rule.window().toSeconds(), lock ? rule.lockout().toSeconds() : 0));
            if (lock) {
                record(new SecurityEvent(SecurityEventKind.LOCKED_OUT, event.routeClass(), event.tenant(),
                        event.address(), key, "locked out for " + rule.lockout().toSeconds() + "s after "
                        + count + " " + rule.kind().wireName() + " events"));
            }
        }
    }

    private void raise(Alert alert) {
        try {
            sink.raise(alert);
        } catch (RuntimeException e) {
            LOG.error("Alert could not be raised: kind={} key={}", alert.kind(), alert.key(), e);
        }
    }

    /** Keeps attacker-influenced text (a provider's error message, say) from forging log lines or flooding them. */
    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        String plain = text.replaceAll("[^\\x20-\\x7e]", "?");
        return plain.length() > 200 ? plain.substring(0, 200) + "..." : plain;
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    private static String orDash(String text) {
        return text == null ? "-" : text;
    }
}
