package io.billingnow.platform.monitoring;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.billingnow.platform.auth.Caller;
import io.billingnow.platform.auth.TenantCaller;
import io.billingnow.platform.http.ProblemResponses;
import io.billingnow.platform.http.Problem;
import io.billingnow.platform.ratelimit.RateLimiter;
import io.billingnow.platform.ratelimit.RouteClass;
import io.billingnow.platform.sessions.SessionCookie;
import io.billingnow.platform.tenancy.TenantId;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.MDC;

/**
 * In front of every application request on a limited route class: refuses locked-out addresses and credentials,
 * takes a token from the per-address and per-credential buckets (429 with {@code Retry-After} when empty), and
 * afterwards turns 401 and 403 answers, failed sign-ins and key operations (changes under
 * {@code /admin/v1/keys/}) into security events (plugin failures are recorded by {@code PluginHost} itself). The
 * client address is the request's remote address, which the HTTPS listener has already corrected for trusted proxies only.
 */
public final class RequestGuardFilter implements Filter {

    public static final String MDC_TENANT = "tenant";
    private static final String KEYS_PATH = "/admin/v1/keys/";
    private static final java.util.Set<String> SAFE_METHODS = java.util.Set.of("GET", "HEAD", "OPTIONS");

    private final RateLimiter limiter;
    private final SecurityEvents events;
    private final ObjectMapper json;

    public RequestGuardFilter(RateLimiter limiter, SecurityEvents events, ObjectMapper json) {
        this.limiter = limiter;
        this.events = events;
        this.json = json;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        Optional<RouteClass> routeClass = RouteClass.of(path(request));
        try {
            if (routeClass.isEmpty()) {
                chain.doFilter(req, res);
                return;
            }
            RouteClass route = routeClass.get();
            String address = request.getRemoteAddr();
            String subject = subject(route, request);
            if (admitted(route, address, subject, response)) {
                chain.doFilter(req, res);
                observe(route, request, response.getStatus(), address, subject);
            }
        } finally {
            MDC.remove(MDC_TENANT);
        }
    }

    private boolean admitted(RouteClass route, String address, String subject, HttpServletResponse response)
            throws IOException {
        for (String target : subject == null ? List.of("address:" + address)
                : List.of("address:" + address, subject)) {
            Optional<Lockouts.Lockout> lockout = events.lockouts().find(route, target);
            if (lockout.isPresent()) {
                Duration left = events.lockouts().remaining(lockout.get());
                refuse(response, "locked-out", "Temporarily locked out",
                        "Too many failed attempts; try again later", left);
                return false;
            }
        }
        Optional<Duration> wait = limiter.refusal(route, RateLimiter.Scope.ADDRESS, address)
                .or(() -> limiter.refusal(route, RateLimiter.Scope.CREDENTIAL, subject));
        if (wait.isPresent()) {
            events.record(new SecurityEvent(SecurityEventKind.RATE_LIMITED, route, null, address, subject,
                    "request rate limit"));
            refuse(response, "rate-limited", "Too many requests", "Request rate limit exceeded; retry later",
                    wait.get());
            return false;
        }
        return true;
    }

    private void observe(RouteClass route, HttpServletRequest request, int status, String address, String subject) {
        TenantId tenant = request.getAttribute(Caller.REQUEST_PROPERTY) instanceof TenantCaller caller
                ? caller.tenant() : null;
        if (route == RouteClass.SIGN_IN && (status == 400 || status == 401 || status == 403)) {
            events.record(new SecurityEvent(SecurityEventKind.SIGN_IN_FAILED, route, null, address, null,
                    "sign-in answered " + status));
        } else if (status == 401 && subject != null) {
            // Only when a credential was presented: a request without one is not an attempt to guess one.
            events.record(new SecurityEvent(SecurityEventKind.AUTHENTICATION_FAILED, route, null, address, subject,
                    "credential refused"));
        } else if (status == 403) {
            events.record(new SecurityEvent(SecurityEventKind.PERMISSION_DENIED, route, tenant, address, subject,
                    request.getMethod() + " refused"));
        } else if (status >= 200 && status < 300 && path(request).startsWith(KEYS_PATH)
                && !SAFE_METHODS.contains(request.getMethod())) {
            String operator = request.getAttribute(Caller.REQUEST_PROPERTY) instanceof Caller caller
                    ? caller.getName() : null;
            events.record(new SecurityEvent(SecurityEventKind.KEY_OPERATION, route, null, address, operator,
                    request.getMethod() + " " + path(request)));
        }
    }

    /** What the request is authenticated by, named by a fingerprint: a bearer token, session, webhook or pay link. */
    static String subject(RouteClass route, HttpServletRequest request) {
        return switch (route) {
            case API -> {
                String authorization = request.getHeader("Authorization");
                if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                    yield "credential:" + Fingerprints.of(authorization.substring(7).trim());
                }
                Cookie[] cookies = request.getCookies();
                if (cookies != null) {
                    for (Cookie cookie : cookies) {
                        if (SessionCookie.NAME.equals(cookie.getName())) {
                            yield "session:" + Fingerprints.of(cookie.getValue());
                        }
                    }
                }
                yield null;
            }
            case WEBHOOKS -> segment(request, "/webhooks/").map(s -> "webhook:" + Fingerprints.of(s)).orElse(null);
            case PAY -> segment(request, "/pay/").map(s -> "paylink:" + Fingerprints.of(s)).orElse(null);
            case SIGN_IN -> null;
        };
    }

    /** The webhook subject as {@link #subject} names it, for events raised inside the webhook service. */
    public static String webhookSubject(String publicId) {
        return "webhook:" + Fingerprints.of(publicId);
    }

    private static Optional<String> segment(HttpServletRequest request, String prefix) {
        String path = path(request);
        if (!path.startsWith(prefix)) {
            return Optional.empty();
        }
        String rest = path.substring(prefix.length());
        int slash = rest.indexOf('/');
        String segment = slash < 0 ? rest : rest.substring(0, slash);
        return segment.isEmpty() ? Optional.empty() : Optional.of(segment);
    }

    private static String path(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }

    private void refuse(HttpServletResponse response, String slug, String title, String detail, Duration wait)
            throws IOException {
        response.setStatus(429);
        response.setHeader("Retry-After", Long.toString(RateLimiter.retryAfterSeconds(wait)));
        response.setContentType(Problem.MEDIA_TYPE);
        json.writeValue(response.getOutputStream(), ProblemResponses.problem(429, slug, title, detail, List.of()));
    }
}
