package io.billingnow.platform.web.errors;

import io.billingnow.platform.http.Problem;
import io.billingnow.platform.web.shell.WebAssets;
import io.billingnow.platform.web.shell.WebContext;
import io.billingnow.platform.web.shell.WebPage;
import io.billingnow.platform.web.shell.WebResponses;
import io.billingnow.platform.web.i18n.WebLocales;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * Turns a refusal into an error page in the app's style, for a browser navigating the web app only. The problem
 * (status, title, requestId) is the one {@code http.ProblemResponses} made; only its dress changes. The API keeps
 * problem+json: its routes ({@link #API_PREFIXES}) never get a page, and elsewhere only a request that accepts
 * {@code text/html} does. A page that needs a session the request does not have sends the browser to the sign-in page.
 */
@Priority(Priorities.USER + 1000)
public final class HtmlErrorPages implements ContainerResponseFilter {

    static final List<String> API_PREFIXES = List.of("v1/", "admin/", "auth/", "pay/", "assets/", "webhooks/",
            ".well-known/");

    private final WebAssets assets;

    public HtmlErrorPages(WebAssets assets) {
        this.assets = assets;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(response.getEntity() instanceof Problem problem) || !wantsPage(request)) {
            return;
        }
        if (problem.status() == 401 && "GET".equals(request.getMethod())) {
            // Signed out (or the session expired) on a page: the sign-in page, not an error.
            response.setStatus(303);
            response.setEntity(null);
            response.getHeaders().putSingle(HttpHeaders.LOCATION, "/");
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
            return;
        }
        WebContext context = WebContext.of(WebLocales.of(headers(request)),
                assets, null);
        var page = WebResponses.page(problem.status(), new ErrorPage(context, problem));
        response.setEntity(page.getEntity(), new java.lang.annotation.Annotation[0], MediaType.TEXT_HTML_TYPE
                .withCharset("utf-8"));
        response.getHeaders().putSingle("Content-Security-Policy",
                page.getHeaderString("Content-Security-Policy"));
        response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    static boolean wantsPage(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath(true);
        if (path.startsWith("/")) {
            path = path.substring(1);
        }
        for (String prefix : API_PREFIXES) {
            if (path.startsWith(prefix) || (path + "/").equals(prefix)) {
                return false;
            }
        }
        return request.getAcceptableMediaTypes().stream()
                .anyMatch(type -> type.getType().equals("text") && type.getSubtype().equals("html"));
    }

    private static HttpHeaders headers(ContainerRequestContext request) {
        return new RequestHeaders(request);
    }

    /** The few header reads {@code WebLocales} needs, from the request context. */
    private record RequestHeaders(ContainerRequestContext request) implements HttpHeaders {
        @Override public List<String> getRequestHeader(String name) { return request.getHeaders().get(name); }
        @Override public String getHeaderString(String name) { return request.getHeaderString(name); }
        @Override public jakarta.ws.rs.core.MultivaluedMap<String, String> getRequestHeaders() { return request.getHeaders(); }
        @Override public List<MediaType> getAcceptableMediaTypes() { return request.getAcceptableMediaTypes(); }
        @Override public List<java.util.Locale> getAcceptableLanguages() { return request.getAcceptableLanguages(); }
        @Override public MediaType getMediaType() { return request.getMediaType(); }
        @Override public java.util.Locale getLanguage() { return request.getLanguage(); }
        @Override public java.util.Map<String, jakarta.ws.rs.core.Cookie> getCookies() { return request.getCookies(); }
        @Override public java.util.Date getDate() { return request.getDate(); }
        @Override public int getLength() { return request.getLength(); }
    }

    /** The error page: what happened, in words, and the request id to quote to support. */
    public static final class ErrorPage extends WebPage {
        private final Problem problem;

        ErrorPage(WebContext context, Problem problem) {
            super("error.mustache", context, context.messages().all()
                    .getOrDefault("error_" + problem.status() + "_title", problem.title()));
            this.problem = problem;
        }

        public int status() {
            return problem.status();
        }

        public String explanation() {
            return msg().getOrDefault("error_" + problem.status() + "_text", msg().get("error_other_text"));
        }

        public String requestId() {
            return problem.requestId();
        }
    }
}
