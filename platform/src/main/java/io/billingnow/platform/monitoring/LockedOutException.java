package io.billingnow.platform.monitoring;

import io.billingnow.platform.http.ApiException;
import io.billingnow.platform.http.ProblemResponses;
import io.billingnow.platform.ratelimit.RateLimiter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.time.Duration;

/** 429 {@code locked-out} with {@code Retry-After}: the answer to a target that is locked out. */
public final class LockedOutException extends ApiException {

    private static final long serialVersionUID = 1L;

    private final transient Duration remaining;

    public LockedOutException(Duration remaining) {
        super(429, "locked-out", "Temporarily locked out", "Too many failed attempts; try again later");
        this.remaining = remaining;
    }

    public long retryAfterSeconds() {
        return RateLimiter.retryAfterSeconds(remaining);
    }

    /** Keeps the {@code Retry-After} header the general problem mapper would not know about. */
    public static final class Mapper implements ExceptionMapper<LockedOutException> {
        @Override
        public Response toResponse(LockedOutException e) {
            return Response.fromResponse(ProblemResponses.of(e))
                    .header("Retry-After", e.retryAfterSeconds())
                    .build();
        }
    }
}
