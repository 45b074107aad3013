package io.billingnow.platform.tenancy;

import java.util.List;

/**
 * The languages BillingNow speaks, by ISO 639-1 code: the web app's pages ({@code web.i18n.WebLocales} reads this
 * list) and a business's default language ({@link TenantSettings#language()}). Adding a language is adding its code
 * here and its {@code messages_xx.properties}.
 */
public final class Languages {

    public static final List<String> SUPPORTED = List.of("en", "de");
    public static final String DEFAULT = "en";

    private Languages() {
    }

    public static boolean isSupported(String code) {
        return code != null && SUPPORTED.contains(code);
    }
}
