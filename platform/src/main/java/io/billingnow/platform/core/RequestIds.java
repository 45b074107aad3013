package io.billingnow.platform.core;

import org.slf4j.MDC;

/**
 * The id of the request being served, as the logs, the audit log and problem responses quote it. The HTTP layer sets
 * it per request; everything below reads it here, so recording a request id never needs the HTTP layer.
 */
public final class RequestIds {

    /** The logging context key; the log format prints it on every line. */
    public static final String MDC_KEY = "requestId";

    private RequestIds() {
    }

    /** The current request's id, or null outside a request (a command, a background job). */
    public static String current() {
        return MDC.get(MDC_KEY);
    }
}
