package io.billingnow.platform.tenancy.settings;

import io.billingnow.platform.core.Versioned;
import io.billingnow.platform.tenancy.Seller;
import java.util.List;

/**
 * A business's own settings as it reads them ({@code GET /v1/settings}): the fields it may edit
 * ({@link BusinessSettingsFields}), which of them a tenants-config file owns (read-only here), its logo, and the
 * tenant's version for {@code If-Match}.
 *
 * @param managedBy      the tenants-config file that owns some fields, or null
 * @param readOnlyFields the JSON pointers of the fields that file owns: a change to one is refused (409)
 * @param logo           the logo's description, or null when there is none
 */
public record BusinessSettings(String legalName, Seller.Address address, String taxId, String email,
                               String invoiceNumberFormat, String creditNoteNumberFormat, int paymentTermsDays,
                               String currency, String language, String managedBy, List<String> readOnlyFields,
                               LogoInfo logo, int version) implements Versioned {

    public BusinessSettings {
        readOnlyFields = List.copyOf(readOnlyFields);
    }

    /** The editable fields, as a patch or the settings form starts from them. */
    public BusinessSettingsFields fields() {
        return new BusinessSettingsFields(legalName, address, taxId, email, invoiceNumberFormat,
                creditNoteNumberFormat, paymentTermsDays, currency, language);
    }

    public boolean isReadOnly(String pointer) {
        return readOnlyFields.contains(pointer);
    }
}
