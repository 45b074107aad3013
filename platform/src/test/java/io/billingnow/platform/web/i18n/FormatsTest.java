package io.billingnow.platform.web.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Money, dates and numbers as each language writes them, with each currency's own number of decimals. */
class FormatsTest {

    private static final Formats EN = new Formats(Locale.ENGLISH);
    private static final Formats DE = new Formats(Locale.GERMAN);

    @Test
    void moneyShowsExactlyTheCurrencysExponentInTheLocalesStyle() {
        assertThat(EN.money(123456, "EUR")).isEqualTo("€1,234.56");
        assertThat(DE.money(123456, "EUR")).isEqualTo("1.234,56\u00a0€");
        assertThat(EN.money(1234, "JPY")).isEqualTo("¥1,234");
        assertThat(EN.money(1234, "BHD")).isEqualTo("BHD1.234");
        assertThat(DE.money(-5, "EUR")).isEqualTo("-0,05\u00a0€");
    }

    @Test
    void datesAndNumbersFollowTheLocale() {
        assertThat(EN.date(LocalDate.of(2026, 3, 2))).isEqualTo("Mar 2, 2026");
        assertThat(DE.date(LocalDate.of(2026, 3, 2))).isEqualTo("02.03.2026");
        assertThat(DE.number(1234567)).isEqualTo("1.234.567");
    }

    @Test
    void everyLanguageHasEveryText() {
        Set<String> english = Messages.of(Locale.ENGLISH).all().keySet();
        for (Locale locale : WebLocales.SUPPORTED) {
            assertThat(Messages.of(locale).all().keySet()).as(locale.toString()).isEqualTo(english);
        }
    }

    @Test
    void theChosenLanguageBeatsTheBrowsersAndUnknownOnesFallBackToEnglish() {
        assertThat(WebLocales.supported("de")).isEqualTo(Locale.GERMAN);
        assertThat(WebLocales.supported("fr")).isNull();
    }
}
