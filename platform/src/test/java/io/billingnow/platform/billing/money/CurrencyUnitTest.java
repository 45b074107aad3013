package io.billingnow.platform.billing.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class CurrencyUnitTest {

    @ParameterizedTest(name = "{0} has {1} minor-unit digits")
    @CsvSource({
        "JPY, 0", "KRW, 0", "ISK, 0", "XAF, 0", "CLP, 0",
        "EUR, 2", "USD, 2", "GBP, 2", "CHF, 2", "XCD, 2",
        "BHD, 3", "KWD, 3", "JOD, 3", "OMR, 3", "TND, 3", "IQD, 3", "LYD, 3",
        "CLF, 4", "UYW, 4",
    })
    void knows_the_iso_4217_exponent(String code, int exponent) {
        assertThat(CurrencyUnit.of(code).exponent()).isEqualTo(exponent);
        assertThat(CurrencyUnit.of(code).code()).isEqualTo(code);
        assertThat(CurrencyUnit.isKnown(code)).isTrue();
    }

    @ParameterizedTest(name = "refuses {0}")
    @ValueSource(strings = {
        // pseudo-codes: testing, no currency, precious metals, SDR
        "XXX", "XTS", "XAU", "XAG", "XPT", "XPD", "XDR", "XSU", "XUA", "XBA",
        // withdrawn currencies the JDK still lists
        "DEM", "FRF", "HRK", "LTL", "VEF", "MRO", "STD", "ZMK",
        // not codes at all, or not in ISO's spelling
        "ABC", "eur", "EURO", "", " EUR",
    })
    @NullSource
    void refuses_pseudo_withdrawn_and_unknown_codes(String code) {
        assertThat(CurrencyUnit.isKnown(code)).isFalse();
        assertThatThrownBy(() -> CurrencyUnit.of(code))
                .isInstanceOf(UnknownCurrencyException.class)
                .satisfies(e -> assertThat(((UnknownCurrencyException) e).code()).isEqualTo(code));
    }

    @Test
    void agrees_with_the_jdk_wherever_the_jdk_knows_the_code() {
        for (String code : CurrencyUnit.knownCodes()) {
            if (code.equals("UYW")) {
                continue; // unknown to JDK 17, added explicitly
            }
            assertThat(CurrencyUnit.of(code).exponent())
                    .as(code)
                    .isEqualTo(Currency.getInstance(code).getDefaultFractionDigits());
        }
        assertThat(CurrencyUnit.knownCodes()).hasSizeGreaterThan(150).contains("EUR", "USD", "JPY");
    }

    @Test
    void is_a_value() {
        assertThat(CurrencyUnit.of("EUR")).isSameAs(CurrencyUnit.of("EUR")).isEqualTo(CurrencyUnit.of("EUR"))
                .isNotEqualTo(CurrencyUnit.of("USD"));
        assertThat(CurrencyUnit.of("EUR")).hasToString("EUR");
    }
}
