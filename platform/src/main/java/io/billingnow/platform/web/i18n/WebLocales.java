package io.billingnow.platform.web.i18n;

import io.billingnow.platform.tenancy.Languages;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import java.util.Locale;

/**
 * Which language a page speaks: the person's choice (the {@value #COOKIE} cookie, set by the language links), else the
 * browser's {@code Accept-Language}, else English. Adding a language is adding its {@code messages_xx.properties} and
 * its code to {@code tenancy.Languages} (the one list, which a business's default language is checked against too).
 */
public final class WebLocales {

    public static final String COOKIE = "bn_lang";
    public static final List<Locale> SUPPORTED = Languages.SUPPORTED.stream().map(Locale::forLanguageTag).toList();

    private WebLocales() {
    }

    public static Locale of(HttpHeaders headers) {
        Cookie chosen = headers.getCookies().get(COOKIE);
        if (chosen != null) {
            Locale locale = supported(chosen.getValue());
            if (locale != null) {
                return locale;
            }
        }
        String accept = headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE);
        if (accept != null && !accept.isBlank()) {
            try {
                Locale match = Locale.lookup(Locale.LanguageRange.parse(accept), SUPPORTED);
                if (match != null) {
                    return match;
                }
            } catch (IllegalArgumentException malformed) {
                // A malformed header is no preference.
            }
        }
        return Locale.ENGLISH;
    }

    /** The supported locale with this language tag, or null. */
    public static Locale supported(String tag) {
        if (tag == null) {
            return null;
        }
        return SUPPORTED.stream().filter(l -> l.getLanguage().equals(tag)).findFirst().orElse(null);
    }
}
