package io.billingnow.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.billingnow.platform.core.RequestIds;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;
import io.billingnow.platform.config.BillingNowConfiguration;
import io.dropwizard.logging.common.ConsoleAppenderFactory;
import io.dropwizard.logging.common.DefaultLoggingFactory;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestIdLoggingTest {

    @Test
    void theDefaultConfigurationLogsToTheConsoleWithTheRequestIdFormat() {
        DefaultLoggingFactory logging = (DefaultLoggingFactory) new BillingNowConfiguration().getLoggingFactory();
        assertThat(logging.getAppenders()).singleElement().isInstanceOfSatisfying(ConsoleAppenderFactory.class,
                console -> assertThat(console.getLogFormat()).isEqualTo(RequestIdLogging.LOG_FORMAT));
    }

    @Test
    void aLineLoggedDuringARequestCarriesItsId() {
        LoggerContext context = new LoggerContext();
        PatternLayout layout = new PatternLayout();
        layout.setContext(context);
        layout.setPattern(RequestIdLogging.LOG_FORMAT);
        layout.start();
        LoggingEvent event = new LoggingEvent(getClass().getName(), context.getLogger("io.billingnow.Example"),
                Level.WARN, "payment declined", null, null);
        event.setMDCPropertyMap(Map.of(RequestIds.MDC_KEY, "3f2a9c1e-req"));

        assertThat(layout.doLayout(event)).contains("[3f2a9c1e-req] io.billingnow.Example: payment declined");
    }
}
