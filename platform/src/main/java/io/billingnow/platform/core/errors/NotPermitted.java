package io.billingnow.platform.core.errors;

import java.util.List;

/** The caller is known but may not do this (role, membership, tenant state, CSRF). */
public non-sealed class NotPermitted extends DomainException {

    private static final long serialVersionUID = 1L;

    public NotPermitted(String slug, String title, String detail) {
        super(slug, title, detail, List.of(), null);
    }

    public NotPermitted(String slug, String title, String detail, List<FieldError> errors) {
        super(slug, title, detail, errors, null);
    }

}
