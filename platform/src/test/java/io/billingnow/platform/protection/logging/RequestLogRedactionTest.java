package io.billingnow.platform.protection.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.access.common.spi.IAccessEvent;
import ch.qos.logback.core.LayoutBase;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.logging.common.ConsoleAppenderFactory;
import io.dropwizard.request.logging.LogbackAccessRequestLogFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestLogRedactionTest {

    @Test
    void everyRequestLogAppenderGetsARedactingLayoutOnce() {
        ConsoleAppenderFactory<IAccessEvent> appender = new ConsoleAppenderFactory<>();
        LogbackAccessRequestLogFactory requestLog = new LogbackAccessRequestLogFactory();
        requestLog.setAppenders(List.of(appender));
        DefaultServerFactory server = new DefaultServerFactory();
        server.setRequestLogFactory(requestLog);

        RequestLogRedaction.install(server);
        Object first = appender.getLayout();
        RequestLogRedaction.install(server);

        assertThat(first).isInstanceOf(RequestLogRedaction.Factory.class);
        assertThat(appender.getLayout()).isSameAs(first);
    }

    @Test
    void theRedactingLayoutMasksOAuthCodesAndTokensInRequestLines() {
        LayoutBase<String> requestLine = new LayoutBase<>() {
            @Override
            public String doLayout(String event) {
                return event;
            }
        };
        RedactingLayout<String> layout = new RedactingLayout<>(requestLine);
        layout.start();

        String line = layout.doLayout("127.0.0.1 \"GET /auth/google/callback?state=st4t3value&code=4/0AbCdEf HTTP/1.1\" "
                + "302 \"GET /pay/pl_AAAABBBBCCCCDDDDEEEEFFFFGGGGHHHHIIIIJJJJKKK\"");

        assertThat(line).doesNotContain("st4t3value", "4/0AbCdEf", "AAAABBBB").contains("state=[REDACTED]",
                "code=[REDACTED]", "pl_[REDACTED]");
    }
}
