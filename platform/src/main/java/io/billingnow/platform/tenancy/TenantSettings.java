package io.billingnow.platform.tenancy;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A tenant's own settings, stored as JSON on the tenant row and set from its tenants-config file or the admin console.
 * The rules are in {@link TenantDefinition#validate()}; an omitted field takes its default.
 *
 * @param invoiceNumberFormat    pattern for invoice numbers, e.g. {@code INV-{YYYY}-{SEQ:5}} (NumberingFormat)
 * @param creditNoteNumberFormat pattern for credit-note numbers, a separate series
 * @param paymentTermsDays       default days from issue to due date
 * @param paymentLinkMaxDays     the longest a payment link may live
 * @param enabledProviders       payment-provider plugin ids this tenant may use
 * @param seller                 the seller details snapshotted onto each invoice at finalization, or none
 * @param language               the business's default language for what it sends its customers ({@link Languages})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TenantSettings(String invoiceNumberFormat, String creditNoteNumberFormat, Integer paymentTermsDays,
                             Integer paymentLinkMaxDays, List<String> enabledProviders, Seller seller,
                             String language) {

    public static final String DEFAULT_INVOICE_FORMAT = "INV-{YYYY}-{SEQ:5}";
    public static final String DEFAULT_CREDIT_NOTE_FORMAT = "CN-{YYYY}-{SEQ:5}";

    public TenantSettings {
        invoiceNumberFormat = invoiceNumberFormat == null ? DEFAULT_INVOICE_FORMAT : invoiceNumberFormat;
        creditNoteNumberFormat = creditNoteNumberFormat == null ? DEFAULT_CREDIT_NOTE_FORMAT : creditNoteNumberFormat;
        paymentTermsDays = paymentTermsDays == null ? 30 : paymentTermsDays;
        paymentLinkMaxDays = paymentLinkMaxDays == null ? 30 : paymentLinkMaxDays;
        language = language == null ? Languages.DEFAULT : language;
        // Not List.copyOf: a null element must reach validate() and be reported there, not fail the binding.
        enabledProviders = enabledProviders == null ? List.of()
                : Collections.unmodifiableList(new ArrayList<>(enabledProviders));
    }

    /** Settings without a language choice (the default language). */
    public TenantSettings(String invoiceNumberFormat, String creditNoteNumberFormat, Integer paymentTermsDays,
                          Integer paymentLinkMaxDays, List<String> enabledProviders, Seller seller) {
        this(invoiceNumberFormat, creditNoteNumberFormat, paymentTermsDays, paymentLinkMaxDays, enabledProviders,
                seller, null);
    }

    public static TenantSettings defaults() {
        return new TenantSettings(null, null, null, null, null, null, null);
    }

    public TenantSettings withEnabledProviders(List<String> providers) {
        return new TenantSettings(invoiceNumberFormat, creditNoteNumberFormat, paymentTermsDays, paymentLinkMaxDays,
                providers, seller, language);
    }
}
