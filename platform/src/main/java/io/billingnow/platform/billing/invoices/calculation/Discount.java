package io.billingnow.platform.billing.invoices.calculation;

import java.math.BigDecimal;

/** A reduction of a line or of the whole invoice: either a percentage or a fixed amount. */
public sealed interface Discount permits Discount.Percent, Discount.Amount {

    /** A percentage discount: 0 to 100 with at most 4 decimals, rounded half-up to the minor unit once. */
    record Percent(BigDecimal percent) implements Discount {
    }

    /** A fixed discount in minor units: not negative, never more than what it reduces. */
    record Amount(long minorUnits) implements Discount {
    }

    static Discount percent(BigDecimal percent) {
        return new Percent(percent);
    }

    static Discount percent(String percent) {
        return new Percent(new BigDecimal(percent));
    }

    static Discount amount(long minorUnits) {
        return new Amount(minorUnits);
    }
}
