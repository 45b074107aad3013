package io.billingnow.platform.billing.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

    private static final CurrencyUnit EUR = CurrencyUnit.of("EUR");
    private static final CurrencyUnit JPY = CurrencyUnit.of("JPY");

    @ParameterizedTest(name = "{1} {0} is {2} minor units and prints as {3}")
    @CsvSource({
        "19.99, EUR, 1999, 19.99",
        "19.9, EUR, 1990, 19.90",
        "19, EUR, 1900, 19.00",
        "-0.05, EUR, -5, -0.05",
        "0, EUR, 0, 0.00",
        "1200, JPY, 1200, 1200",
        "12.345, BHD, 12345, 12.345",
        "0.001, KWD, 1, 0.001",
        "1.2345, CLF, 12345, 1.2345",
        "92233720368547758.07, EUR, 9223372036854775807, 92233720368547758.07",
    })
    void parses_and_formats_plain_decimals(String decimal, String currency, long minor, String printed) {
        Money money = Money.parse(decimal, CurrencyUnit.of(currency));
        assertThat(money.minorUnits()).isEqualTo(minor);
        assertThat(money.toDecimalString()).isEqualTo(printed);
        assertThat(Money.parse(printed, CurrencyUnit.of(currency))).isEqualTo(money);
    }

    @ParameterizedTest(name = "refuses \"{0}\" in EUR")
    @ValueSource(strings = {"19.999", "1e3", "1,00", " 1.00", "+1.00", ".5", "5.", "EUR 5", "", "abc", "1.0.0"})
    void refuses_anything_but_a_plain_decimal_with_at_most_the_currencys_decimals(String decimal) {
        assertThatThrownBy(() -> Money.parse(decimal, EUR)).isInstanceOf(MoneyFormatException.class);
    }

    @Test
    void refuses_decimals_on_a_zero_exponent_currency() {
        assertThatThrownBy(() -> Money.parse("1200.5", JPY))
                .isInstanceOf(MoneyFormatException.class)
                .hasMessageContaining("JPY");
    }

    @Test
    void refuses_amounts_beyond_64_bit_minor_units_when_parsing() {
        assertThatThrownBy(() -> Money.parse("92233720368547758.08", EUR)).isInstanceOf(MoneyOverflowException.class);
    }

    @ParameterizedTest(name = "{0} EUR rounded {1} is {2} cents")
    @CsvSource({
        "19.994, HALF_UP, 1999",
        "19.995, HALF_UP, 2000",
        "19.985, HALF_UP, 1999",
        "19.985, HALF_EVEN, 1998",
        "-19.995, HALF_UP, -2000",
        "19.991, CEILING, 2000",
    })
    void converts_major_decimals_rounding_once(String major, RoundingMode mode, long minor) {
        assertThat(Money.ofMajor(new BigDecimal(major), EUR, mode).minorUnits()).isEqualTo(minor);
    }

    @Test
    void adds_and_subtracts_exactly() {
        Money a = Money.ofMinor(1999, EUR);
        assertThat(a.plus(Money.ofMinor(1, EUR))).isEqualTo(Money.ofMinor(2000, EUR));
        assertThat(a.minus(Money.ofMinor(2000, EUR))).isEqualTo(Money.ofMinor(-1, EUR));
        assertThat(a.times(3)).isEqualTo(Money.ofMinor(5997, EUR));
        assertThat(a.times(new BigDecimal("2.5"), RoundingMode.HALF_UP)).isEqualTo(Money.ofMinor(4998, EUR));
        assertThat(a.negate().isNegative()).isTrue();
        assertThat(Money.zero(EUR).isZero()).isTrue();
        assertThat(a).hasToString("EUR 19.99");
    }

    @Test
    void overflow_is_a_typed_error_never_a_wrap_around() {
        Money max = Money.ofMinor(Long.MAX_VALUE, EUR);
        Money min = Money.ofMinor(Long.MIN_VALUE, EUR);
        assertThatThrownBy(() -> max.plus(Money.ofMinor(1, EUR))).isInstanceOf(MoneyOverflowException.class);
        assertThatThrownBy(() -> min.minus(Money.ofMinor(1, EUR))).isInstanceOf(MoneyOverflowException.class);
        assertThatThrownBy(() -> max.times(2)).isInstanceOf(MoneyOverflowException.class);
        assertThatThrownBy(() -> max.times(new BigDecimal("1.01"), RoundingMode.HALF_UP))
                .isInstanceOf(MoneyOverflowException.class);
        assertThatThrownBy(min::negate).isInstanceOf(MoneyOverflowException.class);
        assertThatThrownBy(() -> Money.addExact(Long.MAX_VALUE, 1)).isInstanceOf(MoneyOverflowException.class);
        assertThatThrownBy(() -> Money.subtractExact(Long.MIN_VALUE, 1)).isInstanceOf(MoneyOverflowException.class);
    }

    @Test
    void never_mixes_currencies() {
        assertThatThrownBy(() -> Money.ofMinor(1, EUR).plus(Money.ofMinor(1, JPY)))
                .isInstanceOf(CurrencyMismatchException.class);
        assertThatThrownBy(() -> Money.ofMinor(1, EUR).compareTo(Money.ofMinor(1, JPY)))
                .isInstanceOf(CurrencyMismatchException.class);
        assertThat(Money.ofMinor(1, EUR)).isNotEqualTo(Money.ofMinor(1, JPY));
    }
}
