package io.billingnow.platform.protection.limits;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.Locale;

/**
 * A request body over the {@link JsonLimits} is the client's fault: 400 with a problem document that says which
 * kind of limit was hit, without echoing any of the document.
 */
@Provider
public final class JsonLimitExceededExceptionMapper implements ExceptionMapper<StreamConstraintsException> {

    @Override
    public Response toResponse(StreamConstraintsException exception) {
        return Response.status(Response.Status.BAD_REQUEST)
                .type(Problems.MEDIA_TYPE)
                .entity(Problems.body(400, "request-too-complex", "Request too complex",
                        "JSON document exceeds a limit: " + kind(exception)))
                .build();
    }

    private static String kind(StreamConstraintsException exception) {
        String message = String.valueOf(exception.getOriginalMessage()).toLowerCase(Locale.ROOT);
        if (message.contains("nesting")) {
            return "nesting depth (max " + JsonLimits.MAX_NESTING_DEPTH + ")";
        }
        if (message.contains("string")) {
            return "string length";
        }
        if (message.contains("number")) {
            return "number length";
        }
        if (message.contains("name")) {
            return "property name length";
        }
        return "document size";
    }
}
