package io.billingnow.platform.tenancy.settings;

import io.billingnow.platform.core.errors.FieldError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each field of the business's settings document lives in the tenant definition: the one mapping used to
 * report the definition's refusals at the document's own pointers ({@code /settings/seller/taxId} is {@code /taxId})
 * and to tell which document fields a tenants-config file owns.
 */
final class SettingsPointers {

    /** Document pointer to definition pointer. */
    static final Map<String, String> FIELDS;

    static {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("/legalName", "/settings/seller/legalName");
        fields.put("/address", "/settings/seller/address");
        fields.put("/taxId", "/settings/seller/taxId");
        fields.put("/email", "/settings/seller/email");
        fields.put("/invoiceNumberFormat", "/settings/invoiceNumberFormat");
        fields.put("/creditNoteNumberFormat", "/settings/creditNoteNumberFormat");
        fields.put("/paymentTermsDays", "/settings/paymentTermsDays");
        fields.put("/currency", "/currency");
        fields.put("/language", "/settings/language");
        FIELDS = Map.copyOf(fields);
    }

    private SettingsPointers() {
    }

    /**
     * The document pointers of a definition pointer: the field it is in ({@code /settings/seller/address/city} is
     * {@code /address/city}), or every field it contains ({@code /settings/seller} is the four seller fields).
     */
    static List<String> ofDefinition(String definitionPointer) {
        List<String> inside = new ArrayList<>();
        for (Map.Entry<String, String> field : orderedFields()) {
            String definition = field.getValue();
            if (definitionPointer.equals(definition) || definitionPointer.startsWith(definition + "/")) {
                return List.of(field.getKey() + definitionPointer.substring(definition.length()));
            }
            if (definition.startsWith(definitionPointer + "/")) {
                inside.add(field.getKey());
            }
        }
        return inside;
    }

    /** The document fields among the definition pointers (a tenants-config file's owned fields). */
    static List<String> ofDefinitions(List<String> definitionPointers) {
        List<String> fields = new ArrayList<>();
        for (String pointer : definitionPointers) {
            for (String field : ofDefinition(pointer)) {
                if (!fields.contains(field)) {
                    fields.add(field);
                }
            }
        }
        fields.sort(null);
        return List.copyOf(fields);
    }

    /** A refusal's field errors at the document's pointers; an error outside the document keeps its pointer. */
    static List<FieldError> errors(List<FieldError> definitionErrors) {
        List<FieldError> errors = new ArrayList<>();
        for (FieldError error : definitionErrors) {
            List<String> pointers = error.pointer() == null ? List.of() : ofDefinition(error.pointer());
            if (pointers.isEmpty()) {
                errors.add(error);
            }
            for (String pointer : pointers) {
                errors.add(new FieldError(pointer, error.message()));
            }
        }
        return errors;
    }

    private static List<Map.Entry<String, String>> orderedFields() {
        List<Map.Entry<String, String>> entries = new ArrayList<>(FIELDS.entrySet());
        entries.sort(Map.Entry.comparingByKey());
        return entries;
    }
}
