package io.billingnow.sdk;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An amount of money in the currency's minor units (cents for EUR, yen for JPY), never a floating-point number.
 *
 * @param minorUnits the amount in minor units; negative amounts are allowed (for example in refunds)
 * @param currency   the ISO 4217 alphabetic code, upper case, for example {@code EUR}
 */
public record Money(long minorUnits, String currency) {

    private static final Pattern ISO_4217 = Pattern.compile("[A-Z]{3}");

    /**
     * Validates the currency code.
     *
     * @throws IllegalArgumentException if the currency is not three upper-case letters
     */
    public Money {
        Objects.requireNonNull(currency, "currency");
        if (!ISO_4217.matcher(currency).matches()) {
            throw new IllegalArgumentException("currency must be an upper-case ISO 4217 code");
        }
    }
}
