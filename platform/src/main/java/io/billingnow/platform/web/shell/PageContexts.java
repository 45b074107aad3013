package io.billingnow.platform.web.shell;

import io.billingnow.platform.web.i18n.WebLocales;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;

/**
 * Builds a request's {@link WebContext}: its language ({@link WebLocales}), the session's CSRF token for forms and
 * htmx, and the notice named by {@value WebResponses#NOTICE} after a redirect. Only a known message can be shown, so
 * a crafted link cannot put words on our page.
 */
public final class PageContexts {

    private final WebAssets assets;
    private final WebSessions sessions;

    public PageContexts(WebAssets assets, WebSessions sessions) {
        this.assets = assets;
        this.sessions = sessions;
    }

    public WebContext of(HttpHeaders headers) {
        String csrf = sessions.current(headers).map(WebSessions.Current::csrfToken).orElse(null);
        return WebContext.of(WebLocales.of(headers), assets, csrf);
    }

    public WebContext of(HttpHeaders headers, UriInfo uri) {
        return of(headers).withNotice(uri.getQueryParameters().getFirst(WebResponses.NOTICE));
    }

    public WebAssets assets() {
        return assets;
    }

    public WebSessions sessions() {
        return sessions;
    }
}
