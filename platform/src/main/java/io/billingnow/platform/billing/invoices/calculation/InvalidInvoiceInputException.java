package io.billingnow.platform.billing.invoices.calculation;

/**
 * Input the calculator refuses. {@link #field()} is a path into {@link InvoiceInput} such as
 * {@code lines[2].quantity} or {@code lines[0].taxRates[1].percent}, so an API can point at the offending value.
 */
public final class InvalidInvoiceInputException extends IllegalArgumentException {

    private final String field;
    private final String reason;

    public InvalidInvoiceInputException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
        this.reason = reason;
    }

    /** Path of the offending value, e.g. {@code lines[2].quantity}. */
    public String field() {
        return field;
    }

    /** What is wrong with it, without the path. */
    public String reason() {
        return reason;
    }
}
