package io.billingnow.platform.web.shell;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * How every page leaves: HTML with the web app's own Content-Security-Policy and never stored by a cache. The policy
 * is the platform's HTML policy ({@code protection.headers.SecurityHeadersFilter.HTML_CSP}) plus scripts and fetches
 * from our own origin only (htmx, served by us): no inline script or style, no eval, nothing from elsewhere.
 */
public final class WebResponses {

    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
            + "base-uri 'none'";

    private WebResponses() {
    }

    public static Response page(WebPage page) {
        return page(200, page);
    }

    public static Response page(int status, WebPage page) {
        return Response.status(status).entity(page).type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("Cache-Control", "no-store")
                .build();
    }
}
