package io.billingnow.platform.http;

import io.billingnow.platform.core.RequestIds;
import io.billingnow.platform.core.errors.DomainException;
import io.billingnow.platform.core.errors.FieldError;
import io.billingnow.platform.core.errors.Unauthenticated;
import io.billingnow.platform.protection.ratelimit.RateLimiter;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Builds problem responses; the one place that knows how a problem is rendered. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static Response of(DomainException e) {
        int status = DomainStatuses.of(e);
        Response.ResponseBuilder builder = Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(problem(status, e.slug(), e.title(), e.getMessage(), e.errors()));
        if (e instanceof Unauthenticated) {
            builder.header("WWW-Authenticate", "Bearer");
        }
        e.retryAfter().ifPresent(wait -> builder.header("Retry-After", RateLimiter.retryAfterSeconds(wait)));
        return builder.build();
    }

    public static Response of(int status, String slug, String title, String detail) {
        return Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(problem(status, slug, title, detail, List.of())).build();
    }

    /** The title of a problem known only by its status: the HTTP reason phrase. */
    public static String titleOf(int status) {
        // RFC 9110's names where JAX-RS still has the older ones ("Request Entity Too Large", "Request-URI Too Long").
        if (status == 413) {
            return "Content Too Large";
        }
        if (status == 414) {
            return "URI Too Long";
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        return known != null ? known.getReasonPhrase() : status >= 500 ? "Server error" : "Client error";
    }

    /** The problem type of a problem known only by its status: its reason phrase as a slug ("bad-request"). */
    public static String slugOf(int status) {
        if (status >= 500) {
            return "server-error";
        }
        return titleOf(status).toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
    }

    public static Problem problem(int status, String slug, String title, String detail,
                                  List<FieldError> errors) {
        return new Problem(Problem.type(slug), title, status, detail, null, RequestIds.current(), errors);
    }
}
