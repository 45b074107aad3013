package io.billingnow.platform.billing.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An amount of money: a signed 64-bit count of minor units (cents, fils, yen) in one currency.
 *
 * <p>Arithmetic is exact and overflow-checked: a result outside the {@code long} range throws
 * {@link MoneyOverflowException} instead of wrapping around. Amounts of different currencies never mix
 * ({@link CurrencyMismatchException}).
 */
public final class Money implements Comparable<Money> {

    private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    private final long minorUnits;
    private final CurrencyUnit currency;

    private Money(long minorUnits, CurrencyUnit currency) {
        this.minorUnits = minorUnits;
        this.currency = Objects.requireNonNull(currency, "currency");
    }

    /** The amount of {@code minorUnits} minor units, e.g. {@code ofMinor(1999, EUR)} is EUR 19.99. */
    public static Money ofMinor(long minorUnits, CurrencyUnit currency) {
        return new Money(minorUnits, currency);
    }

    public static Money zero(CurrencyUnit currency) {
        return new Money(0, currency);
    }

    /**
     * Parses a plain decimal string such as {@code "19.99"}, {@code "-0.5"} or {@code "1200"}. The string may have
     * at most as many decimals as the currency's exponent; nothing is rounded. Exponents, grouping separators,
     * currency symbols and whitespace are refused.
     *
     * @throws MoneyFormatException if the string is not such a decimal
     * @throws MoneyOverflowException if the amount does not fit in 64-bit minor units
     */
    public static Money parse(String decimal, CurrencyUnit currency) {
        Objects.requireNonNull(currency, "currency");
        if (decimal == null || !PLAIN_DECIMAL.matcher(decimal).matches()) {
            throw new MoneyFormatException("Not a plain decimal amount: " + (decimal == null ? "null" : "'" + decimal + "'"));
        }
        BigDecimal value = new BigDecimal(decimal);
        if (value.scale() > currency.exponent()) {
            throw new MoneyFormatException("'" + decimal + "' has more decimals than " + currency + " allows ("
                    + currency.exponent() + ")");
        }
        return new Money(toMinorExact(value.movePointRight(currency.exponent())), currency);
    }

    /**
     * Converts a major-unit decimal (e.g. {@code 19.995} EUR) to money, rounding once to the minor unit with the
     * given mode.
     */
    public static Money ofMajor(BigDecimal major, CurrencyUnit currency, RoundingMode rounding) {
        Objects.requireNonNull(major, "major");
        Objects.requireNonNull(currency, "currency");
        BigDecimal minor = major.movePointRight(currency.exponent()).setScale(0, rounding);
        return new Money(toMinorExact(minor), currency);
    }

    /**
     * The exact {@code long} value of an integral decimal.
     *
     * @throws MoneyOverflowException if it is outside the {@code long} range
     */
    public static long toMinorExact(BigDecimal integral) {
        try {
            return integral.longValueExact();
        } catch (ArithmeticException e) {
            throw new MoneyOverflowException("Amount " + integral.toPlainString() + " does not fit in 64-bit minor units");
        }
    }

    /** {@code a + b}, overflow-checked. */
    public static long addExact(long a, long b) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            throw new MoneyOverflowException("Overflow adding " + a + " and " + b + " minor units");
        }
    }

    /** {@code a - b}, overflow-checked. */
    public static long subtractExact(long a, long b) {
        try {
            return Math.subtractExact(a, b);
        } catch (ArithmeticException e) {
            throw new MoneyOverflowException("Overflow subtracting " + b + " from " + a + " minor units");
        }
    }

    public long minorUnits() {
        return minorUnits;
    }

    public CurrencyUnit currency() {
        return currency;
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(addExact(minorUnits, other.minorUnits), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(subtractExact(minorUnits, other.minorUnits), currency);
    }

    /** This amount times a whole number, overflow-checked. */
    public Money times(long factor) {
        try {
            return new Money(Math.multiplyExact(minorUnits, factor), currency);
        } catch (ArithmeticException e) {
            throw new MoneyOverflowException("Overflow multiplying " + minorUnits + " minor units by " + factor);
        }
    }

    /** This amount times a decimal factor (a quantity, a rate), rounded once to the minor unit. */
    public Money times(BigDecimal factor, RoundingMode rounding) {
        Objects.requireNonNull(factor, "factor");
        BigDecimal product = BigDecimal.valueOf(minorUnits).multiply(factor).setScale(0, rounding);
        return new Money(toMinorExact(product), currency);
    }

    public Money negate() {
        if (minorUnits == Long.MIN_VALUE) {
            throw new MoneyOverflowException("Cannot negate " + minorUnits + " minor units");
        }
        return new Money(-minorUnits, currency);
    }

    public boolean isZero() {
        return minorUnits == 0;
    }

    public boolean isNegative() {
        return minorUnits < 0;
    }

    /** The amount in major units, with exactly {@code exponent} decimals: EUR 19.99 is {@code 19.99}. */
    public BigDecimal toDecimal() {
        return BigDecimal.valueOf(minorUnits, currency.exponent());
    }

    /** The amount as a plain decimal string with exactly {@code exponent} decimals: {@code "19.99"}, {@code "1200"}. */
    public String toDecimalString() {
        return toDecimal().toPlainString();
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return Long.compare(minorUnits, other.minorUnits);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Money other && minorUnits == other.minorUnits && currency.equals(other.currency);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(minorUnits) * 31 + currency.hashCode();
    }

    /** For logs and test failures, e.g. {@code EUR 19.99}. */
    @Override
    public String toString() {
        return currency.code() + " " + toDecimalString();
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new CurrencyMismatchException(currency, other.currency);
        }
    }
}
