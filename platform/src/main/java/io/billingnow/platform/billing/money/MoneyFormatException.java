package io.billingnow.platform.billing.money;

/** A decimal string that is not a valid amount in the given currency (not a number, or too many decimals). */
public final class MoneyFormatException extends IllegalArgumentException {

    public MoneyFormatException(String message) {
        super(message);
    }
}
