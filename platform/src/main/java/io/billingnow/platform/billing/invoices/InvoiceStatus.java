package io.billingnow.platform.billing.invoices;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** draft → open (finalized) → paid | void | uncollectible; uncollectible may still be paid or voided. */
public enum InvoiceStatus {
    DRAFT, OPEN, PAID, VOID, UNCOLLECTIBLE;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static InvoiceStatus fromWireName(String name) {
        for (InvoiceStatus status : values()) {
            if (status.wireName().equals(name)) {
                return status;
            }
        }
        throw new IllegalArgumentException("one of draft, open, paid, void, uncollectible");
    }

    /** Open to payment: finalized and not yet settled or voided. */
    public boolean collectible() {
        return this == OPEN || this == UNCOLLECTIBLE;
    }
}
