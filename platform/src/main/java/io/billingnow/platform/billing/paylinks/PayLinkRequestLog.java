package io.billingnow.platform.billing.paylinks;

import ch.qos.logback.access.common.spi.IAccessEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import io.dropwizard.core.server.AbstractServerFactory;
import io.dropwizard.core.server.ServerFactory;
import io.dropwizard.logging.common.AbstractAppenderFactory;
import io.dropwizard.logging.common.AppenderFactory;
import io.dropwizard.logging.common.filter.FilterFactory;
import io.dropwizard.request.logging.LogbackAccessRequestLogFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps payment-link tokens out of the request log. A {@code /pay/<token>} path is a bearer credential, and the request
 * log writes paths verbatim, so its lines are dropped from every configured request-log appender. Access to pay
 * pages is still visible in the audit log (checkout opened) and in metrics; nothing else logs the path.
 */
public final class PayLinkRequestLog {

    static final String PREFIX = "/pay/";

    private PayLinkRequestLog() {
    }

    /** Adds the filter to the request-log appenders; call in {@code run()}, before Dropwizard builds the server. */
    public static void install(ServerFactory server) {
        if (!(server instanceof AbstractServerFactory factory)
                || !(factory.getRequestLogFactory() instanceof LogbackAccessRequestLogFactory requestLog)) {
            return;
        }
        for (AppenderFactory<IAccessEvent> appender : requestLog.getAppenders()) {
            if (appender instanceof AbstractAppenderFactory<IAccessEvent> configurable) {
                List<FilterFactory<IAccessEvent>> filters = new ArrayList<>(configurable.getFilterFactories());
                filters.add(PayPathFilter::new);
                configurable.setFilterFactories(filters);
            }
        }
    }

    /** Denies request-log events for pay-page paths. */
    static final class PayPathFilter extends Filter<IAccessEvent> {
        @Override
        public FilterReply decide(IAccessEvent event) {
            String uri = event.getRequestURI();
            return uri != null && uri.startsWith(PREFIX) ? FilterReply.DENY : FilterReply.NEUTRAL;
        }
    }
}
