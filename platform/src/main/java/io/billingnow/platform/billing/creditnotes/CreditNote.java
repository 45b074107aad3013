package io.billingnow.platform.billing.creditnotes;

import io.billingnow.platform.billing.invoices.LineFields;
import io.billingnow.platform.billing.invoices.TaxLine;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An issued credit note. {@code appliedToDue + refunded + credited = total}: the part that reduced the invoice's
 * amount due, the part refunded, and the part added to the customer's credit balance.
 */
public record CreditNote(UUID id, UUID invoiceId, String number, String currency, String reason, String settlement,
                         long netTotal, long taxTotal, long total, long appliedToDue, long refunded, long credited,
                         List<LineFields> lines, List<TaxLine> taxBreakdown, Instant issuedAt) {
}
