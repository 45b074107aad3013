package io.billingnow.platform.web.customers;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.billingnow.platform.billing.customers.Address;
import io.billingnow.platform.billing.customers.Customer;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The customer form as typed, and the API's own body made of it: the fields are named after the JSON pointer of the
 * API's field ({@code address_city} is {@code /address/city}), so the API's refusal marks the right input. The
 * binding and every rule stay the API's ({@code CustomerFields}, {@code CustomerService}).
 */
final class CustomerForm {

    /** The form's fields in order; the {@code address_} ones make the address object. */
    static final List<String> FIELDS = List.of("name", "email", "taxId", "country", "preferredCurrency",
            "preferredLanguage", "address_line1", "address_line2", "address_postalCode", "address_city", "address_region",
            "address_country");
    private static final List<String> UPPER_CASE = List.of("country", "preferredCurrency", "address_country");
    private static final List<String> LOWER_CASE = List.of("preferredLanguage");
    private static final String ADDRESS = "address_";

    private final Map<String, String> values;

    private CustomerForm(Map<String, String> values) {
        this.values = values;
    }

    static CustomerForm empty() {
        return new CustomerForm(Map.of());
    }

    /** What the person sent, trimmed; ISO codes in the case the API expects (EUR, DE, de). */
    static CustomerForm of(MultivaluedMap<String, String> form) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : FIELDS) {
            String value = form.getFirst(field);
            value = value == null ? "" : value.trim();
            values.put(field, UPPER_CASE.contains(field) ? value.toUpperCase(Locale.ROOT)
                    : LOWER_CASE.contains(field) ? value.toLowerCase(Locale.ROOT) : value);
        }
        return new CustomerForm(values);
    }

    /** A stored customer, to edit (its tax id as the caller may see it: in full or masked). */
    static CustomerForm of(Customer customer) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("name", customer.name());
        values.put("email", customer.email());
        values.put("taxId", customer.taxId());
        values.put("country", customer.country());
        values.put("preferredCurrency", customer.preferredCurrency());
        values.put("preferredLanguage", customer.preferredLanguage());
        Address address = customer.address();
        if (address != null) {
            values.put("address_line1", address.line1());
            values.put("address_line2", address.line2());
            values.put("address_postalCode", address.postalCode());
            values.put("address_city", address.city());
            values.put("address_region", address.region());
            values.put("address_country", address.country());
        }
        values.replaceAll((k, v) -> v == null ? "" : v);
        return new CustomerForm(values);
    }

    String value(String field) {
        return values.getOrDefault(field, "");
    }

    /** A create's body: what was left blank is left out. */
    ObjectNode createBody() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ObjectNode address = JsonNodeFactory.instance.objectNode();
        for (String field : FIELDS) {
            String value = value(field);
            if (value.isEmpty()) {
                continue;
            }
            if (field.startsWith(ADDRESS)) {
                address.put(field.substring(ADDRESS.length()), value);
            } else {
                body.put(field, value);
            }
        }
        if (!address.isEmpty()) {
            body.set("address", address);
        }
        return body;
    }

    /**
     * An edit's merge patch: every field of the form is sent, a blank one as {@code null} (removed); an address left
     * wholly blank removes the address. A tax id sent back as shown (masked) keeps the stored one, the API's rule.
     */
    ObjectNode patch() {
        ObjectNode patch = JsonNodeFactory.instance.objectNode();
        ObjectNode address = JsonNodeFactory.instance.objectNode();
        boolean anyAddress = false;
        for (String field : FIELDS) {
            String value = value(field);
            ObjectNode target = field.startsWith(ADDRESS) ? address : patch;
            String name = field.startsWith(ADDRESS) ? field.substring(ADDRESS.length()) : field;
            if (value.isEmpty()) {
                target.putNull(name);
            } else {
                target.put(name, value);
                anyAddress |= field.startsWith(ADDRESS);
            }
        }
        if (anyAddress) {
            patch.set("address", address);
        } else {
            patch.putNull("address");
        }
        return patch;
    }
}
