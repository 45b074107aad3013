package io.billingnow.platform.core.errors;

import java.util.List;

/** An update that must name the version it changes (If-Match) did not. */
public non-sealed class PreconditionRequired extends DomainException {

    private static final long serialVersionUID = 1L;

    public PreconditionRequired(String slug, String title, String detail) {
        super(slug, title, detail, List.of(), null);
    }

    public PreconditionRequired(String slug, String title, String detail, List<FieldError> errors) {
        super(slug, title, detail, errors, null);
    }

}
