package io.billingnow.platform.protection.headers;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * Adds the browser-hardening headers to every response and keeps them from being weakened further down the chain.
 * <ul>
 *     <li>A strict {@code Content-Security-Policy} for everything, relaxed to the HTML policy only when the response
 *     turns out to be HTML; a resource that sets its own policy (the pay page) keeps it, and it replaces the default
 *     rather than adding a second header;</li>
 *     <li>{@code Cache-Control: no-store} on authenticated requests (an {@code Authorization} header or any cookie)
 *     and under the configured path prefixes; later attempts to set another {@code Cache-Control} are ignored;</li>
 *     <li>header values containing CR or LF are refused with an exception (response splitting).</li>
 * </ul>
 */
public final class SecurityHeadersFilter implements Filter {

    private static final String CSP = "Content-Security-Policy";
    public static final String JSON_CSP = "default-src 'none'; frame-ancestors 'none'";
    public static final String HTML_CSP = "default-src 'none'; style-src 'self'; img-src 'self' data:; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    public static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(self), "
            + "usb=(), serial=(), bluetooth=(), hid=(), accelerometer=(), gyroscope=(), magnetometer=(), "
            + "display-capture=(), browsing-topics=()";

    private final List<String> noStorePathPrefixes;
    private final String hstsValue;

    public SecurityHeadersFilter(SecurityHeadersConfiguration configuration) {
        this(configuration.getNoStorePathPrefixes(), configuration.hstsValue());
    }

    public SecurityHeadersFilter(List<String> noStorePathPrefixes, String hstsValue) {
        this.noStorePathPrefixes = List.copyOf(noStorePathPrefixes);
        this.hstsValue = hstsValue;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)) {
            chain.doFilter(req, res);
            return;
        }
        boolean noStore = requiresNoStore(request);
        response.setHeader(CSP, JSON_CSP);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        response.setHeader("Cross-Origin-Resource-Policy", "same-origin");
        if (request.isSecure() && !response.containsHeader("Strict-Transport-Security")) {
            response.setHeader("Strict-Transport-Security", hstsValue);
        }
        if (noStore) {
            response.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(request, new GuardedResponse(response, noStore));
    }

    boolean requiresNoStore(HttpServletRequest request) {
        if (request.getHeader("Authorization") != null || request.getHeader("Cookie") != null) {
            return true;
        }
        // The decoded, normalised path the servlet container routes on, so "/%761/..." cannot dodge "/v1".
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        for (String prefix : noStorePathPrefixes) {
            if (prefix.equals("/") || path.equals(prefix) || path.startsWith(prefix + "/")) {
                return true;
            }
        }
        return false;
    }

    static boolean isHtml(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT).trim();
        return type.startsWith("text/html") || type.startsWith("application/xhtml+xml");
    }

    private static void refuseLineBreaks(String name, String value) {
        if ((value != null && (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0))
                || (name != null && (name.indexOf('\r') >= 0 || name.indexOf('\n') >= 0))) {
            throw new IllegalArgumentException("CR/LF in response header " + name + " refused");
        }
    }

    /** Watches header writes from the application below the filter. */
    private static final class GuardedResponse extends HttpServletResponseWrapper {

        private final boolean noStore;
        private boolean ownPolicy;

        GuardedResponse(HttpServletResponse response, boolean noStore) {
            super(response);
            this.noStore = noStore;
        }

        @Override
        public void setContentType(String type) {
            super.setContentType(type);
            adjustPolicyFor(type);
        }

        @Override
        public void setHeader(String name, String value) {
            refuseLineBreaks(name, value);
            if (blocked(name)) {
                return;
            }
            super.setHeader(name, value);
            if ("Content-Type".equalsIgnoreCase(name)) {
                adjustPolicyFor(value);
            }
            ownPolicy |= CSP.equalsIgnoreCase(name);
        }

        @Override
        public void addHeader(String name, String value) {
            refuseLineBreaks(name, value);
            if (blocked(name)) {
                return;
            }
            if (CSP.equalsIgnoreCase(name)) {
                // Two policies would both be enforced; the resource's own one replaces the default.
                setHeader(name, value);
                return;
            }
            super.addHeader(name, value);
            if ("Content-Type".equalsIgnoreCase(name)) {
                adjustPolicyFor(value);
            }
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            refuseLineBreaks("Location", location);
            super.sendRedirect(location);
        }

        private boolean blocked(String name) {
            return noStore && ("Cache-Control".equalsIgnoreCase(name) || "Expires".equalsIgnoreCase(name)
                    || "Pragma".equalsIgnoreCase(name));
        }

        private void adjustPolicyFor(String contentType) {
            if (ownPolicy) {
                return;
            }
            ((HttpServletResponse) getResponse()).setHeader(CSP, isHtml(contentType) ? HTML_CSP : JSON_CSP);
        }
    }
}
