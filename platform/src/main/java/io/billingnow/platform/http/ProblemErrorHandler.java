package io.billingnow.platform.http;

import io.billingnow.platform.core.RequestIds;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.core.setup.Environment;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.UUID;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.component.LifeCycle;

/**
 * Jetty's own refusals, before or outside any of our code (a path with {@code %00}, a header line Jetty's parser
 * refuses, headers too large), answered like every other error: a problem document with a request id, not Jetty's
 * HTML page. Installed on the server and on the application's servlet context.
 */
public final class ProblemErrorHandler extends ErrorHandler {

    private final ObjectMapper json;

    public ProblemErrorHandler(ObjectMapper json) {
        this.json = json;
    }

    /** On the server (parser-level refusals) as it starts, and on the servlet context (refusals inside it). */
    public static void install(Environment environment) {
        ProblemErrorHandler handler = new ProblemErrorHandler(environment.getObjectMapper());
        environment.getApplicationContext().setErrorHandler(handler);
        environment.lifecycle().addEventListener(new LifeCycle.Listener() {
            @Override
            public void lifeCycleStarting(LifeCycle event) {
                if (event instanceof Server server) {
                    server.setErrorHandler(handler);
                }
            }
        });
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        if (request.getAttribute(ERROR_EXCEPTION) instanceof HttpException http) {
            status = http.getCode();
        }
        if (status < 400) {
            status = 500;
        }
        String requestId = requestId(response.getHeaders().get(RequestIdFilter.HEADER));
        response.setStatus(status);
        response.getHeaders().put(RequestIdFilter.HEADER, requestId);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        if (HttpStatus.hasNoBody(status) || "HEAD".equals(request.getMethod())) {
            callback.succeeded();
            return true;
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
        response.write(true, ByteBuffer.wrap(body(status, requestId)), callback);
        return true;
    }

    /** A refusal by Jetty's HTTP parser, before there is a request at all. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        String requestId = requestId(null);
        fields.put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
        fields.put(RequestIdFilter.HEADER, requestId);
        return ByteBuffer.wrap(body(status, requestId));
    }

    private byte[] body(int status, String requestId) {
        String title = ProblemResponses.titleOf(status);
        String detail = status >= 500 ? "The request could not be completed; quote the request id when reporting this"
                : "The request could not be read: " + title;
        try {
            return json.writeValueAsBytes(new Problem(Problem.type(ProblemResponses.slugOf(status)), title, status,
                    detail, null, requestId, List.of()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem document could not be written", e);
        }
    }

    private static String requestId(String already) {
        if (already != null) {
            return already;
        }
        String current = RequestIds.current();
        return current != null ? current : UUID.randomUUID().toString();
    }
}
