package io.billingnow.platform.numbering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class NumberingFormatTest {

    @ParameterizedTest(name = "{0} renders counter {1} of {2} as {3}")
    @CsvSource({
        "INV-{YYYY}-{SEQ:5}, 42, 2025, INV-2025-00042",
        "INV-{YYYY}-{SEQ:5}, 99999, 2025, INV-2025-99999",
        "INV-{YYYY}-{SEQ:5}, 123456, 2025, INV-2025-123456",
        "{SEQ}, 7, 2025, 7",
        "{SEQ:1}, 7, 2025, 7",
        "FV/{YYYY}/{SEQ:4}, 12, 2026, FV/2026/0012",
        "{SEQ:6}.{YYYY}, 3, 2030, 000003.2030",
        "CN_{SEQ:3}, 1, 2025, CN_001",
        "R{YYYY}{SEQ:6}, 1, 2025, R2025000001",
        "A{SEQ:18}, 9223372036854775807, 2025, A9223372036854775807",
    })
    void renders_counter_and_year(String pattern, long counter, int year, String number) {
        assertThat(NumberingFormat.parse(pattern).render(counter, year)).isEqualTo(number);
    }

    @Test
    void exposes_what_it_parsed() {
        NumberingFormat format = NumberingFormat.parse("INV-{YYYY}-{SEQ:5}");
        assertThat(format.pattern()).isEqualTo("INV-{YYYY}-{SEQ:5}");
        assertThat(format.includesYear()).isTrue();
        assertThat(format.resetsYearly()).isTrue();
        assertThat(format.counterWidth()).isEqualTo(5);
        assertThat(NumberingFormat.parse("INV-{SEQ}").counterWidth()).isEqualTo(1);
        assertThat(format).isEqualTo(NumberingFormat.parse("INV-{YYYY}-{SEQ:5}"))
                .isNotEqualTo(NumberingFormat.parse("INV-{YYYY}-{SEQ:5}", false));
    }

    @Test
    void series_key_is_the_year_when_the_counter_resets_yearly_and_zero_otherwise() {
        NumberingFormat yearly = NumberingFormat.parse("INV-{YYYY}-{SEQ:5}");
        NumberingFormat continuous = NumberingFormat.parse("INV-{SEQ:6}");
        NumberingFormat yearShownButContinuous = NumberingFormat.parse("INV-{YYYY}-{SEQ:5}", false);

        assertThat(yearly.seriesKey(2025)).isEqualTo(2025);
        assertThat(yearly.seriesKey(2026)).isEqualTo(2026);
        assertThat(continuous.resetsYearly()).isFalse();
        assertThat(continuous.seriesKey(2025)).isZero();
        assertThat(continuous.seriesKey(2026)).isZero();
        assertThat(yearShownButContinuous.seriesKey(2026)).isZero();
        assertThat(yearShownButContinuous.render(1234, 2026)).isEqualTo("INV-2026-01234");
    }

    @Test
    void a_yearly_reset_needs_the_year_in_the_number() {
        assertThatThrownBy(() -> NumberingFormat.parse("INV-{SEQ:5}", true))
                .isInstanceOf(InvalidNumberingPatternException.class)
                .hasMessageContaining("{YYYY}");
    }

    @Test
    void numbers_of_one_series_are_unique_even_past_the_counter_width() {
        NumberingFormat format = NumberingFormat.parse("{SEQ:2}-{YYYY}");
        Set<String> numbers = new HashSet<>();
        for (int year = 2024; year <= 2026; year++) {
            for (long counter = 1; counter <= 1500; counter++) {
                assertThat(numbers.add(format.render(counter, year))).isTrue();
            }
        }
    }

    @ParameterizedTest(name = "refuses \"{0}\"")
    @ValueSource(strings = {
        "INV-{YYYY}",                  // no counter
        "INV",                         // no counter
        "{SEQ}-{SEQ:3}",               // two counters
        "{YYYY}{YYYY}-{SEQ}",          // two years
        "{YY}-{SEQ}",                  // unknown token
        "{yyyy}-{SEQ}",                // token names are upper case
        "{seq}",
        "{SEQ:0}", "{SEQ:19}", "{SEQ:x}", "{SEQ:}", "{SEQ:-1}", "{SEQ:5 }",
        "INV {SEQ}",                   // space
        "INV#{SEQ}", "INV%{SEQ}", "INV\\{SEQ}", "INV'{SEQ}", "INV<{SEQ}>", "INV–{SEQ}", "ÄB-{SEQ}",
        "INV-{SEQ", "INV-SEQ}", "INV-{{SEQ}}", "{}{SEQ}",
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA-{SEQ}", // 66 characters
    })
    @NullAndEmptySource
    void refuses_invalid_patterns(String pattern) {
        assertThatThrownBy(() -> NumberingFormat.parse(pattern)).isInstanceOf(InvalidNumberingPatternException.class);
    }

    @Test
    void says_where_the_pattern_is_wrong() {
        assertThatThrownBy(() -> NumberingFormat.parse("INV-{YYYY}-{NUM}"))
                .isInstanceOf(InvalidNumberingPatternException.class)
                .hasMessageContaining("{NUM}")
                .satisfies(e -> assertThat(((InvalidNumberingPatternException) e).position()).isEqualTo(11));
        assertThatThrownBy(() -> NumberingFormat.parse("IN V{SEQ}"))
                .satisfies(e -> assertThat(((InvalidNumberingPatternException) e).position()).isEqualTo(2));
    }

    @Test
    void refuses_counters_below_one_and_years_without_four_digits() {
        NumberingFormat format = NumberingFormat.parse("INV-{YYYY}-{SEQ:5}");
        assertThatThrownBy(() -> format.render(0, 2025)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> format.render(-1, 2025)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> format.render(1, 999)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> format.render(1, 10000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> format.seriesKey(99)).isInstanceOf(IllegalArgumentException.class);
    }
}
