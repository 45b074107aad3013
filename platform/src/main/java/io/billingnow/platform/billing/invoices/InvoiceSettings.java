package io.billingnow.platform.billing.invoices;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** The {@code invoices:} block. */
public class InvoiceSettings {

    /** An issue date further ahead than this many days is a typo (2062 for 2026), not a plan: refused with 422. */
    @Min(0)
    @Max(3660)
    @JsonProperty
    private int issueDateMaxDaysAhead = 90;

    public int issueDateMaxDaysAhead() {
        return issueDateMaxDaysAhead;
    }
}
