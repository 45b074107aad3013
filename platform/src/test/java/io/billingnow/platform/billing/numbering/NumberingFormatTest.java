package io.billingnow.platform.billing.numbering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
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
        "INV-{YYYY}-{SEQ:5}, 42, 2025-03-01, INV-2025-00042",
        "INV-{YYYY}-{SEQ:5}, 99999, 2025-03-01, INV-2025-99999",
        "INV-{YYYY}-{SEQ:5}, 123456, 2025-03-01, INV-2025-123456",
        "{SEQ}, 7, 2025-03-01, 7",
        "{SEQ:1}, 7, 2025-03-01, 7",
        "FV/{YYYY}/{SEQ:4}, 12, 2026-03-01, FV/2026/0012",
        "{SEQ:6}.{YYYY}, 3, 2030-03-01, 000003.2030",
        "CN_{SEQ:3}, 1, 2025-03-01, CN_001",
        "R{YYYY}{SEQ:6}, 1, 2025-03-01, R2025000001",
        "A{SEQ:18}, 9223372036854775807, 2025-03-01, A9223372036854775807",
        "TT-{YY}{MM}-{SEQ:4}, 7, 2026-12-03, TT-2612-0007",
        "TT-{YY}{MM}-{SEQ:4}, 7, 2007-01-31, TT-0701-0007",
        "{YYYY}/{MM}/{SEQ}, 12, 2026-09-30, 2026/09/12",
        "{MM}{YY}-{SEQ:2}, 1, 2099-10-01, 1099-01",
    })
    void rendersTheCounterAndTheDocumentsDate(String pattern, long counter, LocalDate date, String number) {
        assertThat(NumberingFormat.parse(pattern).render(counter, date)).isEqualTo(number);
    }

    @Test
    void exposesWhatItParsed() {
        NumberingFormat format = NumberingFormat.parse("INV-{YYYY}-{SEQ:5}");
        assertThat(format.pattern()).isEqualTo("INV-{YYYY}-{SEQ:5}");
        assertThat(format.counterWidth()).isEqualTo(5);
        assertThat(NumberingFormat.parse("INV-{SEQ}").counterWidth()).isEqualTo(1);
        assertThat(format).isEqualTo(NumberingFormat.parse("INV-{YYYY}-{SEQ:5}"))
                .isNotEqualTo(NumberingFormat.parse("INV-{YY}-{SEQ:5}"));
    }

    @ParameterizedTest(name = "{0} resets {1}")
    @CsvSource({
        "INV-{SEQ:6}, NEVER",
        "INV-{YYYY}-{SEQ:5}, YEARLY",
        "INV-{YY}-{SEQ:5}, YEARLY",
        "TT-{YY}{MM}-{SEQ:4}, MONTHLY",
        "{MM}-{YYYY}-{SEQ}, MONTHLY",
    })
    void theFinestDateTokenDecidesWhenTheCounterResets(String pattern, NumberingFormat.Reset reset) {
        assertThat(NumberingFormat.parse(pattern).reset()).isEqualTo(reset);
    }

    @Test
    void thePeriodKeyIsZeroTheYearOrTheYearAndMonthAndTheirRangesNeverMeet() {
        LocalDate march = LocalDate.of(2026, 3, 15);
        LocalDate april = LocalDate.of(2026, 4, 1);
        NumberingFormat never = NumberingFormat.parse("INV-{SEQ:6}");
        NumberingFormat yearly = NumberingFormat.parse("INV-{YY}-{SEQ:5}");
        NumberingFormat monthly = NumberingFormat.parse("TT-{YY}{MM}-{SEQ:4}");

        assertThat(never.periodKey(march)).isZero();
        assertThat(never.periodKey(LocalDate.of(2030, 1, 1))).isZero();
        assertThat(yearly.periodKey(march)).isEqualTo(2026).isEqualTo(yearly.periodKey(april));
        assertThat(monthly.periodKey(march)).isEqualTo(202603);
        assertThat(monthly.periodKey(april)).isEqualTo(202604);
        // Yearly keys are 1000..9999 and monthly ones 100001..999912: a changed pattern never continues another's.
        assertThat(monthly.periodKey(LocalDate.of(NumberingFormat.MIN_YEAR, 1, 1)))
                .isGreaterThan(yearly.periodKey(LocalDate.of(NumberingFormat.MAX_YEAR, 12, 31)));
    }

    @Test
    void numbersOfOneSeriesAreUniqueEvenPastTheCounterWidth() {
        NumberingFormat format = NumberingFormat.parse("{SEQ:2}-{YYYY}");
        Set<String> numbers = new HashSet<>();
        for (int year = 2024; year <= 2026; year++) {
            for (long counter = 1; counter <= 1500; counter++) {
                assertThat(numbers.add(format.render(counter, LocalDate.of(year, 6, 1)))).isTrue();
            }
        }
    }

    @Test
    void aMonthlySeriesNeverRepeatsANumberAcrossMonthsAndYears() {
        NumberingFormat format = NumberingFormat.parse("TT-{YY}{MM}-{SEQ:4}");
        Set<String> numbers = new HashSet<>();
        for (LocalDate month = LocalDate.of(2025, 1, 1); month.getYear() < 2027; month = month.plusMonths(1)) {
            for (long counter = 1; counter <= 20; counter++) {
                assertThat(numbers.add(format.render(counter, month))).isTrue();
            }
        }
    }

    @ParameterizedTest(name = "refuses \"{0}\"")
    @ValueSource(strings = {
        "INV-{YYYY}",                  // no counter
        "INV",                         // no counter
        "{SEQ}-{SEQ:3}",               // two counters
        "{YYYY}{YYYY}-{SEQ}",          // two years
        "{YY}{YYYY}-{SEQ}",            // two year tokens
        "{YY}{MM}{MM}-{SEQ}",          // two months
        "{MM}-{SEQ}",                  // a month without a year repeats every year
        "{DD}-{SEQ}",                  // unknown token
        "{yyyy}-{SEQ}",                // token names are upper case
        "{seq}",
        "{SEQ:0}", "{SEQ:19}", "{SEQ:x}", "{SEQ:}", "{SEQ:-1}", "{SEQ:5 }",
        "INV {SEQ}",                   // space
        "INV#{SEQ}", "INV%{SEQ}", "INV\\{SEQ}", "INV'{SEQ}", "INV<{SEQ}>", "INV–{SEQ}", "ÄB-{SEQ}",
        "INV-{SEQ", "INV-SEQ}", "INV-{{SEQ}}", "{}{SEQ}", "abc",
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA-{SEQ}", // 66 characters
    })
    @NullAndEmptySource
    void refusesInvalidPatterns(String pattern) {
        assertThatThrownBy(() -> NumberingFormat.parse(pattern)).isInstanceOf(InvalidNumberingPatternException.class);
    }

    @Test
    void saysWhereThePatternIsWrongWithoutRepeatingIt() {
        assertThatThrownBy(() -> NumberingFormat.parse("INV-{YYYY}-{NUM}"))
                .isInstanceOf(InvalidNumberingPatternException.class)
                .satisfies(e -> {
                    InvalidNumberingPatternException invalid = (InvalidNumberingPatternException) e;
                    assertThat(invalid.position()).isEqualTo(11);
                    assertThat(invalid.reason()).contains("unknown token").contains("character 12");
                });
        assertThatThrownBy(() -> NumberingFormat.parse("IN V{SEQ}"))
                .satisfies(e -> assertThat(((InvalidNumberingPatternException) e).position()).isEqualTo(2));
        String huge = "X".repeat(100_000);
        assertThatThrownBy(() -> NumberingFormat.parse(huge))
                .satisfies(e -> assertThat(((InvalidNumberingPatternException) e).reason()).doesNotContain("XX"))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("XX"));
    }

    @Test
    void refusesCountersBelowOneAndYearsWithoutFourDigits() {
        NumberingFormat format = NumberingFormat.parse("INV-{YYYY}-{SEQ:5}");
        assertThatThrownBy(() -> format.render(0, LocalDate.of(2025, 1, 1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> format.render(-1, LocalDate.of(2025, 1, 1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> format.render(1, LocalDate.of(999, 1, 1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> format.render(1, LocalDate.of(10000, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> format.periodKey(LocalDate.of(99, 1, 1))).isInstanceOf(IllegalArgumentException.class);
    }
}
