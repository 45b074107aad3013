package io.billingnow.platform.billing.money;

/** Arithmetic or comparison between amounts in two different currencies. */
public final class CurrencyMismatchException extends IllegalArgumentException {

    public CurrencyMismatchException(CurrencyUnit expected, CurrencyUnit actual) {
        super("Currency mismatch: " + expected + " and " + actual);
    }
}
