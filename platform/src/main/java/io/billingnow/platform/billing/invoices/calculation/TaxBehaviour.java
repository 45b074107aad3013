package io.billingnow.platform.billing.invoices.calculation;

/** Whether the prices of an invoice exclude or include tax. Chosen once per invoice. */
public enum TaxBehaviour {
    /** Prices are net; tax is computed on top of them. */
    EXCLUSIVE,
    /** Prices are what the customer pays; the tax contained in them is derived. */
    INCLUSIVE
}
