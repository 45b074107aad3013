package io.billingnow.platform.billing.invoices;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An invoice as the API shows it. Amounts are integer minor units of {@code currency}. The groups are unwrapped in
 * place, so the JSON is one flat object whose field order is the order of the components (InvoiceDocumentTest).
 */
public record Invoice(UUID id, String number, InvoiceStatus status, UUID customerId, String currency,
                      String taxBehavior, @JsonUnwrapped InvoiceDates dates, String memo, DiscountFields discount,
                      List<InvoiceLine> lines, List<TaxLine> taxBreakdown, @JsonUnwrapped InvoiceAmounts amounts,
                      @JsonUnwrapped InvoiceSettlement settlement, @JsonUnwrapped InvoiceParties parties,
                      Map<String, String> metadata, @JsonUnwrapped InvoiceTimestamps timestamps, int version) {

    public Invoice withCustomer(Map<String, Object> shownCustomer) {
        return new Invoice(id, number, status, customerId, currency, taxBehavior, dates, memo, discount, lines,
                taxBreakdown, amounts, settlement, new InvoiceParties(parties.seller(), shownCustomer), metadata,
                timestamps, version);
    }

}
