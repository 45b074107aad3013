package io.billingnow.platform.billing.paylinks;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.access.common.spi.IAccessEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.logging.common.AbstractAppenderFactory;
import io.dropwizard.logging.common.filter.FilterFactory;
import io.dropwizard.request.logging.LogbackAccessRequestLogFactory;
import java.lang.reflect.Proxy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The request log must never write a payment-link token, which is a bearer credential in the path. */
class PayLinkRequestLogTest {

    @Test
    void payPagePathsAreDroppedFromEveryRequestLogAppenderAndOtherPathsAreKept() {
        DefaultServerFactory server = new DefaultServerFactory();
        LogbackAccessRequestLogFactory requestLog = (LogbackAccessRequestLogFactory) server.getRequestLogFactory();
        assertThat(requestLog.getAppenders()).isNotEmpty();

        PayLinkRequestLog.install(server);

        AbstractAppenderFactory<IAccessEvent> appender =
                (AbstractAppenderFactory<IAccessEvent>) requestLog.getAppenders().get(0);
        List<FilterFactory<IAccessEvent>> filters = appender.getFilterFactories();
        assertThat(filters).hasSize(1);
        Filter<IAccessEvent> filter = filters.get(0).build();
        assertThat(filter.decide(event("/pay/pl_" + "x".repeat(43)))).isEqualTo(FilterReply.DENY);
        assertThat(filter.decide(event("/pay/pl_" + "x".repeat(43) + "/checkout"))).isEqualTo(FilterReply.DENY);
        assertThat(filter.decide(event("/v1/invoices"))).isEqualTo(FilterReply.NEUTRAL);
        assertThat(filter.decide(event("/webhooks/whk_abc"))).isEqualTo(FilterReply.NEUTRAL);
    }

    /** An access event that only knows its URI (a JDK proxy: the filter reads nothing else). */
    private static IAccessEvent event(String uri) {
        return (IAccessEvent) Proxy.newProxyInstance(IAccessEvent.class.getClassLoader(),
                new Class<?>[] {IAccessEvent.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getRequestURI")) {
                        return uri;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
