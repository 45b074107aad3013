package io.billingnow.platform.dev;

import static org.assertj.core.api.Assertions.assertThat;

import io.billingnow.platform.core.RequestIds;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;
import io.billingnow.platform.config.BillingNowConfiguration;
import io.billingnow.platform.json.JsonConventions;
import io.billingnow.platform.http.RequestIdFilter;
import io.dropwizard.configuration.ResourceConfigurationSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import io.dropwizard.logging.common.ConsoleAppenderFactory;
import io.dropwizard.logging.common.DefaultLoggingFactory;
import io.dropwizard.request.logging.LogbackAccessRequestLogFactory;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What `billingnow dev` prints per log line: the request id of the request the line belongs to. */
class DevLogFormatTest {

    @Test
    void devApplicationLogLinesShowTheRequestIdAndTenant() throws Exception {
        BillingNowConfiguration dev = devConfiguration();
        ConsoleAppenderFactory<?> console =
                (ConsoleAppenderFactory<?>) ((DefaultLoggingFactory) dev.getLoggingFactory()).getAppenders().get(0);

        LoggerContext context = new LoggerContext();
        PatternLayout layout = new PatternLayout();
        layout.setContext(context);
        layout.setPattern(console.getLogFormat());
        layout.start();
        LoggingEvent event = new LoggingEvent(getClass().getName(), context.getLogger("io.billingnow.platform.x"),
                Level.INFO, "invoice finalized", null, null);
        event.setMDCPropertyMap(Map.of(RequestIds.MDC_KEY, "7f3e9a3c-req", "tenant", "acme-id"));

        assertThat(layout.doLayout(event)).contains("requestId=7f3e9a3c-req").contains("tenant=acme-id")
                .contains("invoice finalized");
    }

    @Test
    void devRequestLogLinesShowTheRequestIdHeader() throws Exception {
        DefaultServerFactory server = (DefaultServerFactory) devConfiguration().getServerFactory();
        ConsoleAppenderFactory<?> console = (ConsoleAppenderFactory<?>)
                ((LogbackAccessRequestLogFactory) server.getRequestLogFactory()).getAppenders().get(0);

        assertThat(console.getLogFormat()).contains("%responseHeader{" + RequestIdFilter.HEADER + "}");
    }

    private static BillingNowConfiguration devConfiguration() throws Exception {
        return new YamlConfigurationFactory<>(BillingNowConfiguration.class, Validators.newValidator(),
                JsonConventions.apply(Jackson.newObjectMapper()), "dw")
                .build(new ResourceConfigurationSourceProvider(), DevDatabase.CONFIG);
    }
}
