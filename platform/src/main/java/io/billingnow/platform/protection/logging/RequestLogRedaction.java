package io.billingnow.platform.protection.logging;

import ch.qos.logback.access.common.spi.IAccessEvent;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.LayoutBase;
import ch.qos.logback.core.pattern.PatternLayoutBase;
import io.dropwizard.core.server.AbstractServerFactory;
import io.dropwizard.core.server.ServerFactory;
import io.dropwizard.logging.common.AbstractAppenderFactory;
import io.dropwizard.logging.common.AppenderFactory;
import io.dropwizard.logging.common.layout.DiscoverableLayoutFactory;
import io.dropwizard.request.logging.LogbackAccessRequestLogFactory;
import io.dropwizard.request.logging.layout.LogbackAccessRequestLayoutFactory;
import java.util.TimeZone;

/**
 * Redacts every request-log line (query strings carry OAuth codes and states; a misconfigured format could add
 * headers). Wraps whatever layout each request-log appender has, the default pattern included.
 */
public final class RequestLogRedaction {

    private RequestLogRedaction() {
    }

    /** Call in {@code run()}, before Dropwizard builds the server. */
    public static void install(ServerFactory server) {
        if (!(server instanceof AbstractServerFactory factory)
                || !(factory.getRequestLogFactory() instanceof LogbackAccessRequestLogFactory requestLog)) {
            return;
        }
        for (AppenderFactory<IAccessEvent> appender : requestLog.getAppenders()) {
            if (appender instanceof AbstractAppenderFactory<IAccessEvent> configurable
                    && !(configurable.getLayout() instanceof Factory)) {
                @SuppressWarnings("unchecked")
                DiscoverableLayoutFactory<IAccessEvent> inner =
                        (DiscoverableLayoutFactory<IAccessEvent>) configurable.getLayout();
                configurable.setLayout(new Factory(inner, configurable.getLogFormat()));
            }
        }
    }

    static final class Factory implements DiscoverableLayoutFactory<IAccessEvent> {
        private final DiscoverableLayoutFactory<IAccessEvent> inner;
        private final String logFormat;

        Factory(DiscoverableLayoutFactory<IAccessEvent> inner, String logFormat) {
            this.inner = inner;
            this.logFormat = logFormat;
        }

        @Override
        public LayoutBase<IAccessEvent> build(LoggerContext context, TimeZone timeZone) {
            LayoutBase<IAccessEvent> layout;
            if (inner != null) {
                layout = inner.build(context, timeZone);
            } else {
                PatternLayoutBase<IAccessEvent> pattern = new LogbackAccessRequestLayoutFactory()
                        .build(context, timeZone);
                if (logFormat != null && !logFormat.isEmpty()) {
                    pattern.setPattern(logFormat);
                }
                layout = pattern;
            }
            RedactingLayout<IAccessEvent> redacting = new RedactingLayout<>(layout);
            redacting.setContext(layout.getContext());
            return redacting;
        }
    }
}
