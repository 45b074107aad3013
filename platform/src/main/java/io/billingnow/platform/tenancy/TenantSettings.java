package io.billingnow.platform.tenancy;

import java.util.List;
import java.util.Map;

/**
 * A tenant's own settings, stored as JSON on the tenant row and set from its tenants-config file or the admin console.
 *
 * @param invoiceNumberFormat    pattern for invoice numbers, e.g. {@code INV-{YYYY}-{SEQ:5}} (docs/money.md)
 * @param creditNoteNumberFormat pattern for credit-note numbers, a separate series
 * @param paymentTermsDays       default days from issue to due date
 * @param paymentLinkMaxDays     the longest a payment link may live
 * @param enabledProviders       payment-provider plugin ids this tenant may use
 * @param seller                 the seller details snapshotted onto each invoice at finalization
 */
public record TenantSettings(String invoiceNumberFormat, String creditNoteNumberFormat, Integer paymentTermsDays,
                             Integer paymentLinkMaxDays, List<String> enabledProviders, Map<String, Object> seller) {

    public static final String DEFAULT_INVOICE_FORMAT = "INV-{YYYY}-{SEQ:5}";
    public static final String DEFAULT_CREDIT_NOTE_FORMAT = "CN-{YYYY}-{SEQ:5}";

    public TenantSettings {
        invoiceNumberFormat = invoiceNumberFormat == null ? DEFAULT_INVOICE_FORMAT : invoiceNumberFormat;
        creditNoteNumberFormat = creditNoteNumberFormat == null ? DEFAULT_CREDIT_NOTE_FORMAT : creditNoteNumberFormat;
        paymentTermsDays = paymentTermsDays == null ? 30 : paymentTermsDays;
        paymentLinkMaxDays = paymentLinkMaxDays == null ? 30 : paymentLinkMaxDays;
        enabledProviders = enabledProviders == null ? List.of() : List.copyOf(enabledProviders);
        seller = seller == null ? Map.of() : Map.copyOf(seller);
    }

    public static TenantSettings defaults() {
        return new TenantSettings(null, null, null, null, null, null);
    }
}
