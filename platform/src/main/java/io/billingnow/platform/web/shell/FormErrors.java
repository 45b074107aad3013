package io.billingnow.platform.web.shell;

import io.billingnow.platform.core.errors.DomainException;
import io.billingnow.platform.core.errors.FieldError;
import io.billingnow.platform.core.errors.InvalidInput;
import io.billingnow.platform.core.errors.PreconditionFailed;
import io.billingnow.platform.core.errors.PreconditionRequired;
import io.billingnow.platform.core.errors.StateConflict;
import io.billingnow.platform.core.errors.Unprocessable;
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

    /**
     * The status a form shown again answers with: 409 when the refusal is about the state of what it changes (a
     * conflict, a stale or missing version), 422 for the input itself; 0 when the refusal is not about the form's
     * input at all (not found, not permitted, unavailable...), which then becomes the error page.
     */
    public static int status(DomainException refusal) {
        if (refusal instanceof StateConflict || refusal instanceof PreconditionFailed
                || refusal instanceof PreconditionRequired) {
            return 409;
        }
        if (refusal instanceof InvalidInput || refusal instanceof Unprocessable) {
            return 422;
        }
        return 0;
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
