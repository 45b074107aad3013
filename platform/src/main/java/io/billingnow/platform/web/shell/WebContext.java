package io.billingnow.platform.web.shell;

import io.billingnow.platform.web.i18n.Formats;
import io.billingnow.platform.web.i18n.Messages;
import java.util.Locale;

/**
 * What every page of one request shares: its language and formats, the assets, the session's CSRF token if any, and
 * the notice a redirect after a change asked to show (already a text in the page's language, or null).
 */
public record WebContext(Locale locale, Messages messages, Formats formats, WebAssets assets, String csrfToken,
                         String notice) {

    public static WebContext of(Locale locale, WebAssets assets, String csrfToken) {
        return new WebContext(locale, Messages.of(locale), new Formats(locale), assets, csrfToken, null);
    }

    public WebContext withNotice(String noticeKey) {
        if (noticeKey == null || !noticeKey.matches("[a-z0-9_]{1,64}")) {
            return this;
        }
        String text = messages.all().get("notice_" + noticeKey);
        return text == null ? this : new WebContext(locale, messages, formats, assets, csrfToken, text);
    }
}
