package io.billingnow.platform.core.errors;

import java.util.List;

/** No valid credential, or a sign-in that did not complete. */
public non-sealed class Unauthenticated extends DomainException {

    private static final long serialVersionUID = 1L;

    public Unauthenticated(String slug, String title, String detail) {
        super(slug, title, detail, List.of(), null);
    }

    public Unauthenticated(String slug, String title, String detail, List<FieldError> errors) {
        super(slug, title, detail, errors, null);
    }

}
