package io.billingnow.platform.billing.money;

/** A currency code that is not an active ISO 4217 currency usable on an invoice. */
public final class UnknownCurrencyException extends IllegalArgumentException {

    private final String code;

    public UnknownCurrencyException(String code) {
        super("Unknown or unsupported currency code: " + (code == null ? "null" : "'" + code + "'"));
        this.code = code;
    }

    /** The rejected code, possibly {@code null}. */
    public String code() {
        return code;
    }
}
