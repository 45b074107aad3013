package io.billingnow.platform.protection.monitoring;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The default sink: one ERROR line on {@code io.billingnow.security.alerts}, for log-based alerting. */
public final class LogAlertSink implements AlertSink {

    private static final Logger LOG = LoggerFactory.getLogger("io.billingnow.security.alerts");

    @Override
    public void raise(Alert alert) {
        LOG.error("security alert: kind={} by={} key={} count={} window={}s lockout={}s", alert.kind(), alert.by(),
                alert.key(), alert.count(), alert.windowSeconds(), alert.lockoutSeconds());
    }
}
