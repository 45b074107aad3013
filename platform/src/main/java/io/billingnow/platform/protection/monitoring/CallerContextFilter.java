package io.billingnow.platform.protection.monitoring;

import io.billingnow.platform.http.ProblemResponses;
import io.billingnow.platform.protection.ratelimit.RateLimiter;
import io.billingnow.platform.protection.ratelimit.RouteClass;
import io.billingnow.platform.identity.auth.TenantCaller;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.MDC;

/**
 * Runs once authentication has found the caller: puts the tenant in the logging context (MDC {@code tenant}) and
 * the request, and takes a token from the tenant's bucket, so one tenant cannot use up the platform.
 */
@Priority(Priorities.AUTHENTICATION + 500)
public final class CallerContextFilter implements ContainerRequestFilter {

    private final RateLimiter limiter;
    private final SecurityEvents events;

    @Context
    private HttpServletRequest servletRequest;

    public CallerContextFilter(RateLimiter limiter, SecurityEvents events) {
        this.limiter = limiter;
        this.events = events;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!(request.getSecurityContext().getUserPrincipal() instanceof TenantCaller caller)) {
            return;
        }
        MDC.put(RequestGuardFilter.MDC_TENANT, caller.tenant().toString());
        Optional<RouteClass> route = RouteClass.of("/" + request.getUriInfo().getPath());
        if (route.isEmpty()) {
            return;
        }
        Optional<Duration> wait = limiter.refusal(route.get(), RateLimiter.Scope.TENANT, caller.tenant().toString());
        if (wait.isPresent()) {
            String address = servletRequest == null ? null : servletRequest.getRemoteAddr();
            events.record(new SecurityEvent(SecurityEventKind.RATE_LIMITED, route.get(), caller.tenant(), address,
                    "tenant:" + caller.tenant(), "tenant rate limit"));
            request.abortWith(withRetryAfter(wait.get()));
        }
    }

    private static jakarta.ws.rs.core.Response withRetryAfter(Duration wait) {
        return jakarta.ws.rs.core.Response.fromResponse(ProblemResponses.of(429, "rate-limited", "Too many requests",
                        "This tenant's request rate limit is exceeded; retry later"))
                .header("Retry-After", RateLimiter.retryAfterSeconds(wait))
                .build();
    }
}
