package io.billingnow.platform.http;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.dropwizard.jersey.validation.JerseyViolationException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.eclipse.jetty.http.HttpException;
import org.glassfish.jersey.server.ResourceConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every failure leaves as problem+json: these replace Dropwizard's default exception mappers. */
public final class ExceptionMappers {

    private static final Logger LOG = LoggerFactory.getLogger(ExceptionMappers.class);

    private ExceptionMappers() {
    }

    public static void register(ResourceConfig jersey) {
        jersey.register(new ApiExceptionMapper());
        jersey.register(new JsonExceptionMapper());
        jersey.register(new ViolationMapper());
        jersey.register(new WebApplicationExceptionMapper());
        jersey.register(new UnexpectedExceptionMapper());
    }

    static final class ApiExceptionMapper implements ExceptionMapper<ApiException> {
        @Override
        public Response toResponse(ApiException e) {
            return ProblemResponses.of(e);
        }
    }

    /** Malformed JSON, wrong types, unknown fields: the client's mistake, described without echoing the input. */
    static final class JsonExceptionMapper implements ExceptionMapper<JsonProcessingException> {
        @Override
        public Response toResponse(JsonProcessingException e) {
            if (e instanceof StreamConstraintsException) {
                return ProblemResponses.of(400, "request-too-complex", "Request too complex",
                        "The JSON document exceeds the nesting or size limits");
            }
            if (e instanceof JsonParseException) {
                return ProblemResponses.of(400, "malformed-json", "Malformed JSON",
                        "The request body is not valid JSON");
            }
            if (e instanceof JsonMappingException mapping) {
                String pointer = pointer(mapping);
                String message;
                if (e instanceof UnrecognizedPropertyException) {
                    message = "unknown field";
                } else if (e instanceof InvalidFormatException || e instanceof MismatchedInputException) {
                    message = "wrong type or format";
                } else if (mapping.getCause() instanceof ApiException api) {
                    return ProblemResponses.of(api);
                } else if (mapping.getCause() instanceof IllegalArgumentException iae && iae.getMessage() != null) {
                    message = iae.getMessage();
                } else {
                    message = "invalid value";
                }
                return ProblemResponses.of(ApiException.invalid(pointer, message));
            }
            return ProblemResponses.of(400, "malformed-json", "Malformed JSON", "The request body is not valid JSON");
        }

        private static String pointer(JsonMappingException e) {
            return JsonPointers.of(e);
        }
    }

    static final class ViolationMapper implements ExceptionMapper<JerseyViolationException> {
        @Override
        public Response toResponse(JerseyViolationException e) {
            List<Problem.FieldError> errors = new ArrayList<>();
            for (ConstraintViolation<?> v : e.getConstraintViolations()) {
                errors.add(new Problem.FieldError(pointer(v.getPropertyPath()), v.getMessage()));
            }
            errors.sort(Comparator.comparing(Problem.FieldError::pointer));
            return ProblemResponses.of(ApiException.invalid(errors));
        }

        private static String pointer(Path path) {
            return JsonPointers.of(path);
        }
    }

    static final class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status >= 500) {
                LOG.error("Request failed", e);
                return ProblemResponses.of(status, "server-error", "Server error", "The request could not be completed");
            }
            Response.Status known = Response.Status.fromStatusCode(status);
            String title = known != null ? known.getReasonPhrase() : "Client error";
            String slug = title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
            Response.ResponseBuilder builder = Response.fromResponse(ProblemResponses.of(status, slug, title, title));
            if (status == 405 && e.getResponse().getHeaderString("Allow") != null) {
                builder.header("Allow", e.getResponse().getHeaderString("Allow"));
            }
            return builder.build();
        }
    }

    private static HttpException httpException(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpException http) {
                return http;
            }
        }
        return null;
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    /** A bug: logged with the request id, reported to the client without any internal detail. */
    static final class UnexpectedExceptionMapper implements ExceptionMapper<RuntimeException> {
        @Override
        public Response toResponse(RuntimeException e) {
            if (e instanceof WebApplicationException wae) {
                return new WebApplicationExceptionMapper().toResponse(wae);
            }
            if (e instanceof ApiException api) {
                return ProblemResponses.of(api);
            }
            HttpException refused = httpException(e);
            if (refused != null && refused.getCode() >= 400 && refused.getCode() < 500) {
                // Jetty refused the request while the application read it: a body trickling in below the minimum
                // data rate (408), a malformed chunk (400). The client's side, not a bug: say so, and log no trace.
                int status = refused.getCode();
                LOG.info("Request refused while reading its body: {} {}", status, refused.getReason());
                return status == 408
                        ? ProblemResponses.of(408, "request-timeout", "Request timeout",
                        "The request body arrived too slowly; send it again")
                        : ProblemResponses.of(status, "bad-request", "Bad request", "The request could not be read");
            }
            String sqlState = sqlState(e);
            if (sqlState != null && sqlState.startsWith("22")) {
                // A data exception: the database refused a value the validation let through (a NUL character,
                // a number out of a column's range). The client's input, not our state, is at fault.
                return ProblemResponses.of(400, "invalid-value", "Invalid value",
                        "A value in the request cannot be stored");
            }
            LOG.error("Unexpected failure", e);
            return ProblemResponses.of(500, "server-error", "Server error",
                    "The request could not be completed; quote the request id when reporting this");
        }
    }
}
