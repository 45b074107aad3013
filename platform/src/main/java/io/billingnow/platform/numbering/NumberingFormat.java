package io.billingnow.platform.numbering;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How document numbers of one series look, e.g. {@code INV-{YYYY}-{SEQ:5}} renders counter 42 of 2025 as
 * {@code INV-2025-00042}.
 *
 * <h2>Pattern syntax</h2>
 * <ul>
 *   <li>{@code {SEQ}} or {@code {SEQ:n}}: the counter, zero-padded to {@code n} digits (1 to 18; {@code {SEQ}} means
 *       no padding). Exactly one. A counter wider than {@code n} is printed in full, never truncated, so numbers
 *       stay unique.</li>
 *   <li>{@code {YYYY}}: the four-digit year. At most one. Required when the counter resets every year, since numbers
 *       would otherwise repeat.</li>
 *   <li>Everything else is literal text made of ASCII letters, digits and {@code - _ / .}; no spaces, no other
 *       characters, no stray braces. Token names are upper case.</li>
 *   <li>At most {@value #MAX_PATTERN_LENGTH} characters.</li>
 * </ul>
 *
 * <p>The counter itself is allocated elsewhere (gapless, in the invoice's transaction); this class only says what
 * series a number belongs to ({@link #seriesKey(int)}) and how it is written ({@link #render(long, int)}).
 */
public final class NumberingFormat {

    public static final int MAX_PATTERN_LENGTH = 64;
    public static final int MAX_COUNTER_WIDTH = 18;
    public static final int MIN_YEAR = 1000;
    public static final int MAX_YEAR = 9999;

    private static final String SAFE_PUNCTUATION = "-_/.";

    private sealed interface Part permits Literal, Year, Counter {
    }

    private record Literal(String text) implements Part {
    }

    private record Year() implements Part {
    }

    private record Counter(int width) implements Part {
    }

    private final String pattern;
    private final List<Part> parts;
    private final boolean resetsYearly;
    private final boolean includesYear;
    private final int counterWidth;

    private NumberingFormat(String pattern, List<Part> parts, boolean resetsYearly) {
        this.pattern = pattern;
        this.parts = List.copyOf(parts);
        this.resetsYearly = resetsYearly;
        this.includesYear = parts.stream().anyMatch(Year.class::isInstance);
        this.counterWidth = parts.stream().filter(Counter.class::isInstance).map(Counter.class::cast)
                .findFirst().orElseThrow().width();
    }

    /**
     * Parses a pattern; the counter resets every year exactly when the pattern contains {@code {YYYY}}.
     *
     * @throws InvalidNumberingPatternException if the pattern breaks the syntax above
     */
    public static NumberingFormat parse(String pattern) {
        List<Part> parts = parts(pattern);
        return new NumberingFormat(pattern, parts, parts.stream().anyMatch(Year.class::isInstance));
    }

    /**
     * Parses a pattern with an explicit reset policy. A year in the number without a yearly reset is allowed
     * ({@code INV-2026-01234} continuing from 2025's last counter); a yearly reset without a year is not.
     *
     * @throws InvalidNumberingPatternException if the pattern breaks the syntax above or cannot reset yearly
     */
    public static NumberingFormat parse(String pattern, boolean resetYearly) {
        List<Part> parts = parts(pattern);
        if (resetYearly && parts.stream().noneMatch(Year.class::isInstance)) {
            throw new InvalidNumberingPatternException(pattern, -1,
                    "a counter that resets every year needs a {YYYY} token, otherwise numbers repeat");
        }
        return new NumberingFormat(pattern, parts, resetYearly);
    }

    /**
     * The document number for a counter value in a year.
     *
     * @param counter the allocated counter, 1 or more
     * @param year    the document's year (its issue date's year), {@value #MIN_YEAR} to {@value #MAX_YEAR}
     */
    public String render(long counter, int year) {
        if (counter < 1) {
            throw new IllegalArgumentException("counter must be at least 1: " + counter);
        }
        requireYear(year);
        StringBuilder number = new StringBuilder();
        for (Part part : parts) {
            if (part instanceof Literal literal) {
                number.append(literal.text());
            } else if (part instanceof Year) {
                number.append(year);
            } else {
                String digits = Long.toString(counter);
                number.append("0".repeat(Math.max(0, counterWidth - digits.length()))).append(digits);
            }
        }
        return number.toString();
    }

    /**
     * The series a document of the given year draws its counter from: the year itself when the counter resets
     * yearly, otherwise 0 (one series for all years). The allocator keys its counters by (tenant, series kind, this).
     */
    public int seriesKey(int year) {
        requireYear(year);
        return resetsYearly ? year : 0;
    }

    /** The pattern as given to {@link #parse(String)}. */
    public String pattern() {
        return pattern;
    }

    public boolean resetsYearly() {
        return resetsYearly;
    }

    public boolean includesYear() {
        return includesYear;
    }

    /** Minimum number of counter digits; 1 means no padding. */
    public int counterWidth() {
        return counterWidth;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NumberingFormat other && pattern.equals(other.pattern) && resetsYearly == other.resetsYearly;
    }

    @Override
    public int hashCode() {
        return Objects.hash(pattern, resetsYearly);
    }

    @Override
    public String toString() {
        return pattern + (resetsYearly ? " (resets yearly)" : "");
    }

    private static void requireYear(int year) {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new IllegalArgumentException("year must have four digits: " + year);
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
            throw new InvalidNumberingPatternException(pattern, -1, "needs exactly one {SEQ} token");
        }
        return parts;
    }

    private static Part token(String pattern, int position, String name, List<Part> before) {
        if (name.equals("YYYY")) {
            if (before.stream().anyMatch(Year.class::isInstance)) {
                throw new InvalidNumberingPatternException(pattern, position, "{YYYY} may appear only once");
            }
            return new Year();
        }
        if (name.equals("SEQ") || name.startsWith("SEQ:")) {
            if (before.stream().anyMatch(Counter.class::isInstance)) {
                throw new InvalidNumberingPatternException(pattern, position, "needs exactly one {SEQ} token");
            }
            if (name.equals("SEQ")) {
                return new Counter(1);
            }
            String width = name.substring(4);
            if (!width.matches("[0-9]{1,2}") || Integer.parseInt(width) < 1
                    || Integer.parseInt(width) > MAX_COUNTER_WIDTH) {
                throw new InvalidNumberingPatternException(pattern, position,
                        "counter width must be a number from 1 to " + MAX_COUNTER_WIDTH + ", got '" + width + "'");
            }
            return new Counter(Integer.parseInt(width));
        }
        throw new InvalidNumberingPatternException(pattern, position,
                "unknown token {" + name + "}; known tokens are {YYYY}, {SEQ} and {SEQ:n}");
    }

    private static boolean isSafe(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || SAFE_PUNCTUATION.indexOf(c) >= 0;
    }
}
