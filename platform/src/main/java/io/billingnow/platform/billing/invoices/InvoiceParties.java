package io.billingnow.platform.billing.invoices;

import java.util.Map;

/** Seller and customer as of finalization, as printed on the invoice; both null on a draft. */
public record InvoiceParties(Map<String, Object> seller, Map<String, Object> customer) {
}
