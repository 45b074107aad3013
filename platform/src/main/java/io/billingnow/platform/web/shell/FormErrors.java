package io.billingnow.platform.web.shell;

import io.billingnow.platform.core.errors.DomainException;
import io.billingnow.platform.core.errors.FieldError;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A refused form, to show again with what was wrong: the service's own refusal (the API's rule and words), its field
 * errors keyed for templates by the field's JSON pointer with {@code /} as {@code _} ({@code /lines/0/quantity} is
 * {@code lines_0_quantity}: {@code {{#errors.lines_0_quantity}}}), and the refusal's detail as the summary.
 */
public record FormErrors(String summary, Map<String, String> fields) {

    public static final FormErrors NONE = new FormErrors(null, Map.of());

    public static FormErrors of(DomainException refusal) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (FieldError error : refusal.errors()) {
            fields.putIfAbsent(key(error.pointer()), error.message());
        }
        String summary = refusal.getMessage() == null || refusal.getMessage().isBlank() ? refusal.title()
                : refusal.getMessage();
        return new FormErrors(summary, Collections.unmodifiableMap(fields));
    }

    public static FormErrors summary(String text) {
        return new FormErrors(text, Map.of());
    }

    public boolean any() {
        return summary != null || !fields.isEmpty();
    }

    static String key(String pointer) {
        String key = pointer == null ? "" : pointer.startsWith("/") ? pointer.substring(1) : pointer;
        return key.replace('/', '_');
    }
}
