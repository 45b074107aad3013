package io.billingnow.platform.monitoring;

import com.codahale.metrics.MetricRegistry;
import io.billingnow.platform.audit.AuditEvent;
import io.billingnow.platform.audit.AuditLog;
import io.billingnow.platform.db.PlatformTransactions;
import io.billingnow.platform.db.TenantTransactions;
import io.billingnow.platform.http.RequestIdFilter;
import io.billingnow.platform.ratelimit.RouteClass;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The one stream of security events. Each event is logged on {@code io.billingnow.security}, counted in the metric
 * {@code io.billingnow.security.events.<kind>}, written to its tenant's audit log (or to the platform's
 * {@code security_events} table when it belongs to no tenant), and checked against the alert rules, which may raise
 * an alert and lock the address or subject out for a while. Recording never fails the request that caused it.
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
    private final Clock clock;
    private final SlidingWindows windows = new SlidingWindows();

    public SecurityEvents(TenantTransactions tenants, PlatformTransactions platform, AuditLog audit,
                          MetricRegistry metrics, List<AlertRule> rules, AlertSink sink, Lockouts lockouts,
                          Clock clock) {
        this.tenants = tenants;
        this.platform = platform;
        this.audit = audit;
        this.metrics = metrics;
        this.rules = List.copyOf(rules);
        this.sink = sink;
        this.lockouts = lockouts;
        this.clock = clock;
        for (SecurityEventKind kind : SecurityEventKind.values()) {
            metrics.meter(METRIC_PREFIX + kind.wireName());
        }
    }

    public Lockouts lockouts() {
        return lockouts;
    }

    public void record(SecurityEvent event) {
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
        check(event);
    }

    private void persist(SecurityEvent event) {
        if (event.tenant() != null) {
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
            tenants.write(event.tenant(), tx -> audit.append(tx, new AuditEvent("client",
                    orDash(event.address()), "security", orDash(event.subject()),
                    "security." + event.kind().wireName(), null, details)));
            return;
        }
        platform.inTransaction(h -> h.createUpdate("""
                        INSERT INTO security_events (id, occurred_at, kind, route_class, address, subject, detail,
                                                     request_id)
                        VALUES (:id, :at, :kind, :route, :address, :subject, :detail, :requestId)""")
                .bind("id", UUID.randomUUID())
                .bind("at", clock.instant())
                .bind("kind", event.kind().wireName())
                .bind("route", event.routeClass() == null ? null : event.routeClass().wireName())
                .bind("address", event.address())
                .bind("subject", event.subject())
                .bind("detail", event.detail())
                .bind("requestId", MDC.get(RequestIdFilter.MDC_KEY))
                .execute());
    }

    private void check(SecurityEvent event) {
        Instant now = clock.instant();
        for (AlertRule rule : rules) {
            if (rule.kind() != event.kind()) {
                continue;
            }
            String key = switch (rule.by()) {
                case ADDRESS -> event.address() == null ? null : "address:" + event.address();
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
            boolean lock = !rule.lockout().isZero() && !rule.lockout().isNegative() && event.routeClass() != null
                    && rule.by() != AlertRule.By.TENANT;
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

    private static String orDash(String text) {
        return text == null ? "-" : text;
    }
}
