package io.billingnow.platform.http;

import io.billingnow.platform.core.RequestIds;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.dropwizard.logging.common.ConsoleAppenderFactory;
import io.dropwizard.logging.common.DefaultLoggingFactory;
import java.util.List;

/**
 * The default logging: Dropwizard's console format plus the request id ({@value RequestIdFilter#MDC_KEY} in the
 * MDC), so every line a request logs can be found from the id its caller received. A configuration file with its own
 * {@code logging:} section replaces this; it should keep {@code %X{requestId}} in its {@code logFormat}.
 */
public final class RequestIdLogging {

    public static final String LOG_FORMAT = "%-5p [%d{ISO8601,UTC}] [%X{" + RequestIds.MDC_KEY + "}] %c: %m%n%rEx";

    private RequestIdLogging() {
    }

    public static DefaultLoggingFactory defaultLogging() {
        ConsoleAppenderFactory<ILoggingEvent> console = new ConsoleAppenderFactory<>();
        console.setLogFormat(LOG_FORMAT);
        DefaultLoggingFactory logging = new DefaultLoggingFactory();
        logging.setAppenders(List.of(console));
        return logging;
    }
}
