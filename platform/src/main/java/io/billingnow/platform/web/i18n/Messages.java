package io.billingnow.platform.web.i18n;

import java.text.MessageFormat;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * The web app's texts in one language, from {@code web/i18n/messages[_xx].properties} (UTF-8, one file per language;
 * a key missing in a language falls back to English). Templates read them as {@code {{msg.key}}}, so keys use
 * underscores, never dots.
 */
public final class Messages {

    private static final String BUNDLE = "io.billingnow.platform.web.i18n.messages";

    private final Locale locale;
    private final Map<String, String> texts;

    private Messages(Locale locale, Map<String, String> texts) {
        this.locale = locale;
        this.texts = texts;
    }

    public static Messages of(Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        Map<String, String> texts = new LinkedHashMap<>();
        for (String key : Collections.list(bundle.getKeys())) {
            texts.put(key, bundle.getString(key));
        }
        return new Messages(locale, Collections.unmodifiableMap(texts));
    }

    public Map<String, String> all() {
        return texts;
    }

    /** A text with arguments ({@code {0}}), formatted for this locale. */
    public String format(String key, Object... arguments) {
        String pattern = texts.get(key);
        if (pattern == null) {
            throw new IllegalArgumentException("no message " + key);
        }
        return new MessageFormat(pattern, locale).format(arguments);
    }
}
