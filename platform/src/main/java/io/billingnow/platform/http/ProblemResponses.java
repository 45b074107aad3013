package io.billingnow.platform.http;

import io.billingnow.platform.ratelimit.RateLimiter;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.slf4j.MDC;

/** Builds problem responses; the one place that knows how a problem is rendered. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static Response of(ApiException e) {
        Response.ResponseBuilder builder = Response.status(e.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem(e.status(), e.slug(), e.title(), e.getMessage(), e.errors()));
        if (e.status() == 401) {
            builder.header("WWW-Authenticate", "Bearer");
        }
        e.retryAfter().ifPresent(wait -> builder.header("Retry-After", RateLimiter.retryAfterSeconds(wait)));
        return builder.build();
    }

    public static Response of(int status, String slug, String title, String detail) {
        return Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(problem(status, slug, title, detail, List.of())).build();
    }

    public static Problem problem(int status, String slug, String title, String detail,
                                  List<Problem.FieldError> errors) {
        return new Problem(Problem.type(slug), title, status, detail, null, MDC.get(RequestIdFilter.MDC_KEY), errors);
    }
}
