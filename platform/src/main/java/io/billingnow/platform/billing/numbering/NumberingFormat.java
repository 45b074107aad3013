package io.billingnow.platform.billing.numbering;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How document numbers of one series look, e.g. {@code INV-{YYYY}-{SEQ:5}} renders counter 42 of a 2025 document as
 * {@code INV-2025-00042}. This is the only grammar of numbering patterns: tenants-config, the admin console and
 * finalization all parse through {@link #parse(String)}.
 *
 * <h2>Pattern syntax</h2>
 * <ul>
 *   <li>{@code {SEQ}} or {@code {SEQ:n}}: the counter, zero-padded to {@code n} digits (1 to 18; {@code {SEQ}} means
 *       no padding). Exactly one. A counter wider than {@code n} is printed in full, never truncated, so numbers
 *       stay unique.</li>
 *   <li>{@code {YYYY}}: the four-digit year; {@code {YY}}: its last two digits; {@code {MM}}: the two-digit month.
 *       Each at most once, at most one year token, and {@code {MM}} only beside a year token (a month alone would
 *       repeat every year).</li>
 *   <li>Everything else is literal text made of ASCII letters, digits and {@code - _ / .}; no spaces, no other
 *       characters, no stray braces. Token names are upper case.</li>
 *   <li>At most {@value #MAX_PATTERN_LENGTH} characters.</li>
 * </ul>
 *
 * <h2>When the counter starts again at 1</h2>
 * The finest date token decides: {@code {MM}} resets monthly, {@code {YYYY}} or {@code {YY}} yearly, no date token
 * never. So a number always shows the period its counter belongs to, and two periods can never produce the same
 * number.
 *
 * <p>The counter itself is allocated elsewhere (gapless, in the document's transaction); this class only says which
 * counter a document draws from ({@link #periodKey(LocalDate)}) and how its number is written
 * ({@link #render(long, LocalDate)}).
 */
public final class NumberingFormat {

    public static final int MAX_PATTERN_LENGTH = 64;
    public static final int MAX_COUNTER_WIDTH = 18;
    public static final int MIN_YEAR = 1000;
    public static final int MAX_YEAR = 9999;

    private static final String SAFE_PUNCTUATION = "-_/.";

    /** How often the counter starts again at 1. */
    public enum Reset { NEVER, YEARLY, MONTHLY }

    private sealed interface Part permits Literal, DateToken, Counter {
    }

    private record Literal(String text) implements Part {
    }

    private enum DateToken implements Part { YYYY, YY, MM }

    private record Counter(int width) implements Part {
    }

    private final String pattern;
    private final List<Part> parts;
    private final Reset reset;
    private final int counterWidth;

    private NumberingFormat(String pattern, List<Part> parts) {
        this.pattern = pattern;
        this.parts = List.copyOf(parts);
        this.reset = parts.contains(DateToken.MM) ? Reset.MONTHLY
                : parts.contains(DateToken.YYYY) || parts.contains(DateToken.YY) ? Reset.YEARLY : Reset.NEVER;
        this.counterWidth = parts.stream().filter(Counter.class::isInstance).map(Counter.class::cast)
                .findFirst().orElseThrow().width();
    }

    /**
     * Parses a pattern.
     *
     * @throws InvalidNumberingPatternException if the pattern breaks the syntax above
     */
    public static NumberingFormat parse(String pattern) {
        return new NumberingFormat(pattern, parts(pattern));
    }

    /**
     * The document number for a counter value.
     *
     * @param counter the allocated counter, 1 or more
     * @param date    the document's date (its issue date), in years {@value #MIN_YEAR} to {@value #MAX_YEAR}
     */
    public String render(long counter, LocalDate date) {
        if (counter < 1) {
            throw new IllegalArgumentException("counter must be at least 1: " + counter);
        }
        requireYear(date);
        StringBuilder number = new StringBuilder();
        for (Part part : parts) {
            if (part instanceof Literal literal) {
                number.append(literal.text());
            } else if (part == DateToken.YYYY) {
                number.append(date.getYear());
            } else if (part == DateToken.YY) {
                number.append(twoDigits(date.getYear() % 100));
            } else if (part == DateToken.MM) {
                number.append(twoDigits(date.getMonthValue()));
            } else {
                String digits = Long.toString(counter);
                number.append("0".repeat(Math.max(0, counterWidth - digits.length()))).append(digits);
            }
        }
        return number.toString();
    }

    /**
     * The counter a document of this date draws from: 0 for a counter that never resets, the year (e.g. 2026) for a
     * yearly one, year × 100 + month (e.g. 202612) for a monthly one. The three ranges never overlap, so a tenant that
     * changes its pattern's reset never continues a counter of another kind. The allocator keys its counters by
     * (tenant, document kind, this).
     */
    public int periodKey(LocalDate date) {
        requireYear(date);
        return switch (reset) {
            case NEVER -> 0;
            case YEARLY -> date.getYear();
            case MONTHLY -> date.getYear() * 100 + date.getMonthValue();
        };
    }

    /** The pattern as given to {@link #parse(String)}. */
    public String pattern() {
        return pattern;
    }

    public Reset reset() {
        return reset;
    }

    /** Minimum number of counter digits; 1 means no padding. */
    public int counterWidth() {
        return counterWidth;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NumberingFormat other && pattern.equals(other.pattern);
    }

    @Override
    public int hashCode() {
        return Objects.hash(pattern);
    }

    @Override
    public String toString() {
        return pattern + " (resets " + reset.name().toLowerCase(java.util.Locale.ROOT) + ")";
    }

    private static String twoDigits(int value) {
        return value < 10 ? "0" + value : Integer.toString(value);
    }

    private static void requireYear(LocalDate date) {
        if (date.getYear() < MIN_YEAR || date.getYear() > MAX_YEAR) {
            throw new IllegalArgumentException("year must have four digits: " + date.getYear());
        }
    }

    private static List<Part> parts(String pattern) {
        if (pattern == null || pattern.isEmpty()) {
            throw new InvalidNumberingPatternException(String.valueOf(pattern), -1, "must not be empty");
        }
        if (pattern.length() > MAX_PATTERN_LENGTH) {
            throw new InvalidNumberingPatternException(pattern, -1,
                    "must not be longer than " + MAX_PATTERN_LENGTH + " characters");
        }
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == '{') {
                int end = pattern.indexOf('}', i);
                if (end < 0) {
                    throw new InvalidNumberingPatternException(pattern, i, "'{' is never closed");
                }
                if (!literal.isEmpty()) {
                    parts.add(new Literal(literal.toString()));
                    literal.setLength(0);
                }
                parts.add(token(pattern, i, pattern.substring(i + 1, end), parts));
                i = end + 1;
            } else if (c == '}') {
                throw new InvalidNumberingPatternException(pattern, i, "'}' without '{'");
            } else if (isSafe(c)) {
                literal.append(c);
                i++;
            } else {
                throw new InvalidNumberingPatternException(pattern, i,
                        "character '" + c + "' is not allowed; use letters, digits and " + SAFE_PUNCTUATION);
            }
        }
        if (!literal.isEmpty()) {
            parts.add(new Literal(literal.toString()));
        }
        if (parts.stream().noneMatch(Counter.class::isInstance)) {
            throw new InvalidNumberingPatternException(pattern, -1, "needs exactly one {SEQ} or {SEQ:n} token");
        }
        if (parts.contains(DateToken.MM) && !parts.contains(DateToken.YYYY) && !parts.contains(DateToken.YY)) {
            throw new InvalidNumberingPatternException(pattern, -1,
                    "{MM} needs {YYYY} or {YY} beside it, otherwise the numbers of two years repeat");
        }
        return parts;
    }

    private static Part token(String pattern, int position, String name, List<Part> before) {
        for (DateToken date : DateToken.values()) {
            if (name.equals(date.name())) {
                if (before.contains(date)) {
                    throw new InvalidNumberingPatternException(pattern, position, "{" + name + "} may appear only once");
                }
                if (date != DateToken.MM && (before.contains(DateToken.YYYY) || before.contains(DateToken.YY))) {
                    throw new InvalidNumberingPatternException(pattern, position, "only one year token is allowed");
                }
                return date;
            }
        }
        if (name.equals("SEQ") || name.startsWith("SEQ:")) {
            if (before.stream().anyMatch(Counter.class::isInstance)) {
                throw new InvalidNumberingPatternException(pattern, position,
                        "needs exactly one {SEQ} or {SEQ:n} token");
            }
            if (name.equals("SEQ")) {
                return new Counter(1);
            }
            String width = name.substring(4);
            if (!width.matches("[0-9]{1,2}") || Integer.parseInt(width) < 1
                    || Integer.parseInt(width) > MAX_COUNTER_WIDTH) {
                throw new InvalidNumberingPatternException(pattern, position,
                        "counter width must be a number from 1 to " + MAX_COUNTER_WIDTH);
            }
            return new Counter(Integer.parseInt(width));
        }
        throw new InvalidNumberingPatternException(pattern, position,
                "unknown token; known tokens are {YYYY}, {YY}, {MM}, {SEQ} and {SEQ:n}");
    }

    private static boolean isSafe(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || SAFE_PUNCTUATION.indexOf(c) >= 0;
    }
}
