package io.billingnow.platform.billing.money;

/** An amount that does not fit in a signed 64-bit count of minor units. Never silently wrapped around. */
public final class MoneyOverflowException extends ArithmeticException {

    public MoneyOverflowException(String message) {
        super(message);
    }
}
