package io.billingnow.platform.web.shell;

import io.billingnow.platform.web.i18n.Formats;
import io.billingnow.platform.web.i18n.Messages;
import io.billingnow.platform.web.i18n.WebLocales;
import io.dropwizard.views.common.View;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A page of the web app: its template (which extends {@code layout.mustache}) and what the layout needs — the
 * language, the texts, the versioned asset paths, and for signed-in pages the CSRF token that htmx sends as
 * {@code X-CSRF-Token} on every state change and every form carries as {@code _csrf} (the API's synchronizer token, so
 * the API's own check applies).
 */
public abstract class WebPage extends View {

    private final WebContext context;
    private final String title;

    protected WebPage(String template, WebContext context, String title) {
        super("/" + MustacheRenderer.TEMPLATES + "/" + template);
        this.context = context;
        this.title = title;
    }

    public String title() {
        return title;
    }

    public String lang() {
        return context.locale().getLanguage();
    }

    public Map<String, String> msg() {
        return context.messages().all();
    }

    public String stylesheet() {
        return context.assets().stylesheetPath();
    }

    public String appScript() {
        return context.assets().scriptPath();
    }

    public String htmx() {
        return context.assets().htmxPath();
    }

    /** The session's CSRF token, only on signed-in pages (null hides the sign-out button). */
    public String csrfToken() {
        return context.csrfToken();
    }

    /** A fresh one-time key for each form drawn ({@link FormSubmissionKeys}): every call gives another. */
    public String onceKey() {
        return java.util.UUID.randomUUID().toString();
    }

    public boolean signedIn() {
        return context.csrfToken() != null;
    }

    /** The notice a redirect after a change asked for ("Invoice finalized."), or null. */
    public String notice() {
        return context.notice();
    }

    /** The business's navigation; empty outside a business ({@link TenantPage} fills it). */
    public List<Map<String, Object>> nav() {
        return List.of();
    }

    public boolean hasNav() {
        return !nav().isEmpty();
    }

    /** The links to the other languages. */
    public List<Map<String, String>> languages() {
        return WebLocales.SUPPORTED.stream()
                .filter(l -> !l.equals(context.locale()))
                .map(l -> Map.of("tag", l.getLanguage(), "name", l.getDisplayLanguage(l)))
                .toList();
    }

    protected Locale locale() {
        return context.locale();
    }

    protected Messages messages() {
        return context.messages();
    }

    protected Formats formats() {
        return context.formats();
    }
}
