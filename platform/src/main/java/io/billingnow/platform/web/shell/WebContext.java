package io.billingnow.platform.web.shell;

import io.billingnow.platform.web.i18n.Formats;
import io.billingnow.platform.web.i18n.Messages;
import java.util.Locale;

/** What every page of one request shares: its language and formats, the assets, the session's CSRF token if any. */
public record WebContext(Locale locale, Messages messages, Formats formats, WebAssets assets, String csrfToken) {

    public static WebContext of(Locale locale, WebAssets assets, String csrfToken) {
        return new WebContext(locale, Messages.of(locale), new Formats(locale), assets, csrfToken);
    }
}
