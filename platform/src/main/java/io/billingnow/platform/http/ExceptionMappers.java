package io.billingnow.platform.http;

import io.billingnow.platform.json.JsonPointers;
import io.billingnow.platform.core.errors.DomainException;
import io.billingnow.platform.core.errors.FieldError;
import io.billingnow.platform.core.errors.InvalidInput;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.eclipse.jetty.http.HttpException;
import org.glassfish.jersey.server.ParamException;
import org.glassfish.jersey.server.ResourceConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every failure leaves as problem+json: these replace Dropwizard's default exception mappers. */
public final class ExceptionMappers {

    private static final Logger LOG = LoggerFactory.getLogger(ExceptionMappers.class);

    private ExceptionMappers() {
    }

    public static void register(ResourceConfig jersey) {
        jersey.register(new DomainExceptionMapper());
        jersey.register(new ParamExceptionMapper());
        jersey.register(new JsonExceptionMapper());
        jersey.register(new ViolationMapper());
        jersey.register(new WebApplicationExceptionMapper());
        jersey.register(new UnexpectedExceptionMapper());
    }

    static final class DomainExceptionMapper implements ExceptionMapper<DomainException> {
        @Override
        public Response toResponse(DomainException e) {
            return ProblemResponses.of(e);
        }
    }

    /**
     * A path or query parameter that does not convert ({@code limit=abc}, {@code customerId=not-a-uuid}, a path id
     * that is no UUID): the request is wrong, not the resource missing. Jersey's default would be 404.
     */
    static final class ParamExceptionMapper implements ExceptionMapper<ParamException> {
        @Override
        public Response toResponse(ParamException e) {
            String name = e.getParameterName();
            String kind = e instanceof ParamException.PathParamException ? "path segment"
                    : e instanceof ParamException.QueryParamException ? "query parameter"
                    : e instanceof ParamException.HeaderParamException ? "header" : "parameter";
            String message = "the " + kind + " " + name + " has the wrong type or format";
            if (e instanceof ParamException.HeaderParamException) {
                return ProblemResponses.of(new InvalidInput("invalid-request", "Invalid request", message));
            }
            return ProblemResponses.of(DomainException.invalid(Parameters.pointer(name), message));
        }
    }

    /** Malformed JSON, wrong types, unknown fields: the client's mistake, described without echoing the input. */
    static final class JsonExceptionMapper implements ExceptionMapper<JsonProcessingException> {
        @Override
        public Response toResponse(JsonProcessingException e) {
            // A limit hit inside a nested value arrives wrapped in a mapping exception carrying the path.
            if (e instanceof StreamConstraintsException || e.getCause() instanceof StreamConstraintsException) {
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
                } else if (mapping.getCause() instanceof DomainException api) {
                    return ProblemResponses.of(api);
                } else if (mapping.getCause() instanceof IllegalArgumentException iae && iae.getMessage() != null) {
                    message = iae.getMessage();
                } else {
                    message = "invalid value";
                }
                return ProblemResponses.of(DomainException.invalid(pointer, message));
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
            List<FieldError> errors = new ArrayList<>();
            for (ConstraintViolation<?> v : e.getConstraintViolations()) {
                errors.add(new FieldError(pointer(v.getPropertyPath()), v.getMessage()));
            }
            errors.sort(Comparator.comparing(FieldError::pointer));
            return ProblemResponses.of(DomainException.invalid(errors));
        }

        private static String pointer(Path path) {
            return JsonPointers.of(path);
        }
    }

    static final class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            if (e instanceof ParamException param) {
                return new ParamExceptionMapper().toResponse(param);
            }
            int status = e.getResponse().getStatus();
            if (status >= 500) {
                LOG.error("Request failed", e);
                return ProblemResponses.of(status, "server-error", "Server error", "The request could not be completed");
            }
            String title = ProblemResponses.titleOf(status);
            Response.ResponseBuilder builder = Response.fromResponse(
                    ProblemResponses.of(status, ProblemResponses.slugOf(status), title, title));
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

        @Context
        private jakarta.ws.rs.core.Request request;

        @Override
        public Response toResponse(RuntimeException e) {
            if (e instanceof WebApplicationException wae) {
                return new WebApplicationExceptionMapper().toResponse(wae);
            }
            if (e instanceof DomainException api) {
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
            if (sqlState != null && sqlState.startsWith("22") && !readsOnly()) {
                // A data exception: the database refused a value the validation let through (a NUL character,
                // a number out of a column's range). The client's input, not our state, is at fault.
                return ProblemResponses.of(400, "invalid-value", "Invalid value",
                        "A value in the request cannot be stored");
            }
            // A data exception while reading (a stored value the code cannot read back) is our fault: logged, 500.
            LOG.error("Unexpected failure", e);
            return ProblemResponses.of(500, "server-error", "Server error",
                    "The request could not be completed; quote the request id when reporting this");
        }

        /** A GET or HEAD sends nothing to store: a data exception there comes from stored data, not the request. */
        private boolean readsOnly() {
            String method = request == null ? null : request.getMethod();
            return "GET".equals(method) || "HEAD".equals(method);
        }
    }
}
