package io.billingnow.platform.web.settings;

import io.billingnow.platform.core.errors.DomainException;
import io.billingnow.platform.tenancy.Seller;
import io.billingnow.platform.tenancy.settings.BusinessSettings;
import io.billingnow.platform.tenancy.settings.BusinessSettingsFields;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings form's fields, named after the settings document's pointers ({@code address_city} is
 * {@code /address/city}, so a refusal's field errors land on the right input), and how they become the service's
 * {@link BusinessSettingsFields}: an empty input is an absent value.
 */
final class SettingsForm {

    static final List<String> FIELDS = List.of("legalName", "taxId", "email", "address_line1", "address_line2",
            "address_postalCode", "address_city", "address_region", "address_country", "invoiceNumberFormat",
            "creditNoteNumberFormat", "paymentTermsDays", "currency", "language");

    private SettingsForm() {
    }

    /** The inputs' values for the current settings. */
    static Map<String, String> values(BusinessSettings settings) {
        Map<String, String> values = new LinkedHashMap<>();
        Seller.Address address = settings.address();
        values.put("legalName", settings.legalName());
        values.put("taxId", settings.taxId());
        values.put("email", settings.email());
        values.put("address_line1", address == null ? null : address.line1());
        values.put("address_line2", address == null ? null : address.line2());
        values.put("address_postalCode", address == null ? null : address.postalCode());
        values.put("address_city", address == null ? null : address.city());
        values.put("address_region", address == null ? null : address.region());
        values.put("address_country", address == null ? null : address.country());
        values.put("invoiceNumberFormat", settings.invoiceNumberFormat());
        values.put("creditNoteNumberFormat", settings.creditNoteNumberFormat());
        values.put("paymentTermsDays", Integer.toString(settings.paymentTermsDays()));
        values.put("currency", settings.currency());
        values.put("language", settings.language());
        values.replaceAll((name, value) -> value == null ? "" : value);
        return values;
    }

    /** What the person typed, to show again after a refusal. */
    static Map<String, String> values(MultivaluedMap<String, String> form) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : FIELDS) {
            String value = form.getFirst(field);
            values.put(field, value == null ? "" : value);
        }
        return values;
    }

    /** The form as the service's fields; a number of days that is not a number is refused at its pointer. */
    static BusinessSettingsFields fields(MultivaluedMap<String, String> form) {
        Map<String, String> v = values(form);
        Seller.Address address = new Seller.Address(text(v, "address_line1"), text(v, "address_line2"),
                text(v, "address_postalCode"), text(v, "address_city"), text(v, "address_region"),
                text(v, "address_country"));
        boolean noAddress = address.line1() == null && address.line2() == null && address.postalCode() == null
                && address.city() == null && address.region() == null && address.country() == null;
        return new BusinessSettingsFields(text(v, "legalName"), noAddress ? null : address, text(v, "taxId"),
                text(v, "email"), text(v, "invoiceNumberFormat"), text(v, "creditNoteNumberFormat"),
                days(text(v, "paymentTermsDays")), text(v, "currency"), text(v, "language"));
    }

    private static String text(Map<String, String> values, String field) {
        String value = values.get(field);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Integer days(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw DomainException.invalid("/paymentTermsDays", "a whole number of days");
        }
    }
}
