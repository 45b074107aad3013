package io.billingnow.platform.billing.numbering;

import java.util.Locale;

/** The independent number series a tenant has: invoices and credit notes never share numbers. */
public enum DocumentSeries {
    INVOICE, CREDIT_NOTE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
