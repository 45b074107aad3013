package io.billingnow.platform.core.errors;

import java.util.List;

/** The resource does not exist for this caller (another tenant's resource does not exist either). */
public non-sealed class NotFound extends DomainException {

    private static final long serialVersionUID = 1L;

    public NotFound(String slug, String title, String detail) {
        super(slug, title, detail, List.of(), null);
    }

    public NotFound(String slug, String title, String detail, List<FieldError> errors) {
        super(slug, title, detail, errors, null);
    }

}
