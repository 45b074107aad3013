package io.billingnow.platform.protection.monitoring;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.billingnow.platform.http.ProblemResponses;
import io.billingnow.platform.http.Problem;
import io.billingnow.platform.protection.ratelimit.RateLimiter;
import io.billingnow.platform.protection.ratelimit.RouteClass;
import io.billingnow.platform.protection.tls.TrustedForwardedRequestCustomizer;
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
 * In front of every application request on a limited route class: refuses locked-out subjects and addresses, takes a
 * token from the per-address and per-credential buckets (429 with {@code Retry-After} when empty), and records the
 * rate-limit refusals it makes itself. Every other security event is recorded by the code that knows what happened
 * (the access checks, sign-in, CSRF, webhooks, key operations, plugins); this filter no longer guesses events back from
 * status codes.
 * <p>
 * An address lockout stops what comes without a credential. A request that carries one (bearer token or session
 * cookie) is passed on, marked with the lockout, and the access checks let it through only if the credential is
 * valid ({@link MonitoredAccessRefusals}): failures from an address never lock out a valid credential used from it,
 * operators included. Credentials are 256-bit random tokens, so learning that one is valid is no help in guessing one;
 * the per-address rate limit and the lockout of each refused fingerprint still bound the attempts.
 * <p>
 * The client address is the request's remote address, which the HTTPS listener has already corrected for trusted
 * proxies only.
 */
public final class RequestGuardFilter implements Filter {

    public static final String MDC_TENANT = "tenant";
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RequestGuardFilter.class);
    private static final java.util.concurrent.atomic.AtomicBoolean WARNED_ABOUT_PLAIN_PROXY =
            new java.util.concurrent.atomic.AtomicBoolean();

    private final RateLimiter limiter;
    private final SecurityEvents events;
    private final ObjectMapper json;
    private final String sessionCookieName;

    /**
     * {@code sessionCookieName}: the cookie that authenticates a browser, fingerprinted like a bearer token. It is
     * passed in because protection sits below identity and must not know how sessions are built.
     */
    public RequestGuardFilter(RateLimiter limiter, SecurityEvents events, ObjectMapper json,
                              String sessionCookieName) {
        this.limiter = limiter;
        this.events = events;
        this.json = json;
        this.sessionCookieName = sessionCookieName;
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
            boolean viaUntrustedProxy = forwardedByUntrustedPeer(request);
            Optional<Lockouts.Lockout> lockout = events.lockouts().find(route, subject == null
                    ? List.of(addressTarget(address)) : List.of(addressTarget(address), subject));
            Lockouts.Lockout addressLockout = null;
            if (lockout.isPresent()) {
                boolean verifiable = lockout.get().target().equals(addressTarget(address)) && carriesCredential(
                        route, request);
                if (!verifiable) {
                    refuse(response, "locked-out", "Temporarily locked out",
                            "Too many failed attempts; try again later", events.lockouts().remaining(lockout.get()));
                    return;
                }
                addressLockout = lockout.get();
            }
            GuardedRequest.begin(new GuardedRequest(route, address, subject, viaUntrustedProxy, addressLockout));
            if (admitted(route, address, subject, response)) {
                chain.doFilter(req, res);
            }
        } finally {
            GuardedRequest.end();
            MDC.remove(MDC_TENANT);
        }
    }

    /**
     * Whether the request came through a proxy nobody configured as trusted, so that its address is the proxy's and
     * shared by every client behind it: our HTTPS listener marks such requests (and strips the headers); on a plain
     * listener that applies no forwarding headers at all, an {@code X-Forwarded-For} whose last hop is not the
     * address we see gives it away. A trusted proxy's header has been applied, so its last hop is the address we see.
     */
    static boolean forwardedByUntrustedPeer(HttpServletRequest request) {
        if (request.getAttribute(TrustedForwardedRequestCustomizer.UNTRUSTED_FORWARDING) != null) {
            return true;
        }
        String forwardedFor = request.getHeader("X-Forwarded-For");
        if (forwardedFor == null) {
            return false;
        }
        String last = forwardedFor.substring(forwardedFor.lastIndexOf(',') + 1).trim();
        boolean untrusted = !last.equals(request.getRemoteAddr());
        if (untrusted && WARNED_ABOUT_PLAIN_PROXY.compareAndSet(false, true)) {
            LOG.warn("Requests arrive with X-Forwarded-For from {}, which this listener does not trust: every client "
                    + "behind that proxy shares its address (rate limits, lockouts). Put the proxy in trustedProxies "
                    + "of a billingnow-https listener. (Logged once.)", request.getRemoteAddr());
        }
        return untrusted;
    }

    /** How address lockouts name their target. */
    public static String addressTarget(String address) {
        return "address:" + address;
    }

    /** Only API requests are authenticated by a credential the access checks can verify. */
    private boolean carriesCredential(RouteClass route, HttpServletRequest request) {
        return route == RouteClass.API && subject(route, request) != null;
    }

    private boolean admitted(RouteClass route, String address, String subject, HttpServletResponse response)
            throws IOException {
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

    /** What the request is authenticated by, named by a fingerprint: a bearer token, session, webhook or pay link. */
    String subject(RouteClass route, HttpServletRequest request) {
        return switch (route) {
            case API -> {
                String authorization = request.getHeader("Authorization");
                if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                    yield "credential:" + Fingerprints.of(authorization.substring(7).trim());
                }
                Cookie[] cookies = request.getCookies();
                if (cookies != null) {
                    for (Cookie cookie : cookies) {
                        if (sessionCookieName.equals(cookie.getName())) {
                            yield "session:" + Fingerprints.of(cookie.getValue());
                        }
                    }
                }
                yield null;
            }
            case WEBHOOKS -> segment(request, "/webhooks/").map(s -> "webhook:" + Fingerprints.of(s)).orElse(null);
            case PAY -> segment(request, "/pay/").map(s -> "paylink:" + Fingerprints.of(s)).orElse(null);
            case SIGN_IN, SIGN_UP -> null;
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
