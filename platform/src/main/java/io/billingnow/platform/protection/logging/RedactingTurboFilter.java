package io.billingnow.platform.protection.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.Objects;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.helpers.FormattingTuple;
import org.slf4j.helpers.MessageFormatter;

/**
 * Sees every log call before any appender does. When the formatted message or an exception message contains
 * something {@link Redaction} removes, the original call is denied and a redacted copy (message and exception chain,
 * stack frames kept) goes to the logger's appenders instead, so every appender and layout (pattern or JSON) only
 * ever sees the redacted text.
 */
public final class RedactingTurboFilter extends TurboFilter {

    private static final String FQCN = RedactingTurboFilter.class.getName();
    private static final ThreadLocal<Boolean> RELOGGING = ThreadLocal.withInitial(() -> false);

    /** Adds the filter to the logging context unless it is already there; call after logging is configured. */
    public static void install() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            install(context);
        }
    }

    public static void install(LoggerContext context) {
        if (context.getTurboFilterList().stream().noneMatch(RedactingTurboFilter.class::isInstance)) {
            RedactingTurboFilter filter = new RedactingTurboFilter();
            filter.setName("redaction");
            filter.setContext(context);
            filter.start();
            context.addTurboFilter(filter);
        }
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
                              Throwable t) {
        if (format == null || RELOGGING.get() || !level.isGreaterOrEqual(logger.getEffectiveLevel())) {
            return FilterReply.NEUTRAL;
        }
        FormattingTuple tuple = MessageFormatter.arrayFormat(format, params, t);
        String message = tuple.getMessage();
        String redacted = Redaction.redact(message);
        // Without arguments the formatter drops the throwable it was given; with them it may find one at the end.
        Throwable throwable = t != null ? t : tuple.getThrowable();
        Throwable safe = RedactedThrowable.of(throwable);
        if (Objects.equals(message, redacted) && safe == throwable) {
            return FilterReply.NEUTRAL;
        }
        RELOGGING.set(true);
        try {
            if (logger.isEnabledFor(level)) {
                LoggingEvent event = new LoggingEvent(FQCN, logger, level, redacted, safe, null);
                if (marker != null) {
                    event.addMarker(marker);
                }
                logger.callAppenders(event);
            }
        } finally {
            RELOGGING.set(false);
        }
        return FilterReply.DENY;
    }
}
