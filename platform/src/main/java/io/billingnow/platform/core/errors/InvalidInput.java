package io.billingnow.platform.core.errors;

import java.util.List;

/** The request itself is malformed or a field is invalid, whatever the state of the data. */
public non-sealed class InvalidInput extends DomainException {

    private static final long serialVersionUID = 1L;

    public InvalidInput(String slug, String title, String detail) {
        super(slug, title, detail, List.of(), null);
    }

    public InvalidInput(String slug, String title, String detail, List<FieldError> errors) {
        super(slug, title, detail, errors, null);
    }

}
