package io.billingnow.platform.web.shell;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * How every page leaves: HTML with the web app's own Content-Security-Policy and referrer policy, never stored by a
 * cache. The policy
 * is the platform's HTML policy ({@code protection.headers.SecurityHeadersFilter.HTML_CSP}) plus scripts and fetches
 * from our own origin only (htmx, served by us): no inline script or style, no eval, nothing from elsewhere.
 */
public final class WebResponses {

    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
            + "base-uri 'none'";

    /** The query parameter a redirect after a change uses to name the notice the next page shows. */
    public static final String NOTICE = "notice";

    private WebResponses() {
    }

    public static Response page(WebPage page) {
        return page(200, page);
    }

    public static Response page(int status, WebPage page) {
        return Response.status(status).entity(page).type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("Cache-Control", "no-store")
                // Same-origin, not no-referrer: under no-referrer a browser sends "Origin: null" with a plain form's
                // POST, which the CSRF check must refuse. Other sites still receive no referrer.
                .header("Referrer-Policy", "same-origin")
                .build();
    }

    /**
     * After a form changed something: see the result at {@code path} (post/redirect/get, so reloading never repeats the
     * change), with the notice {@code notice_<noticeKey>} of the messages shown there. The path is ours, never the
     * request's: no open redirect.
     */
    public static Response seeOther(String path, String noticeKey) {
        String target = noticeKey == null ? path : path + (path.contains("?") ? "&" : "?") + NOTICE + "=" + noticeKey;
        return seeOther(target);
    }

    public static Response seeOther(String path) {
        if (!path.startsWith("/") || path.startsWith("//")) {
            throw new IllegalArgumentException("a redirect stays on this site: " + path);
        }
        return Response.seeOther(URI.create(path)).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    /** A part of a page for htmx to swap in (its template does not extend the layout). */
    public static Response fragment(WebPage fragment) {
        return page(200, fragment);
    }
}
