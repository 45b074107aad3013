package io.billingnow.platform.core.errors;

import java.util.List;

/** The request is valid but conflicts with the resource's current state (an invoice already finalized). */
public non-sealed class StateConflict extends DomainException {

    private static final long serialVersionUID = 1L;

    public StateConflict(String slug, String title, String detail) {
        super(slug, title, detail, List.of(), null);
    }

    public StateConflict(String slug, String title, String detail, List<FieldError> errors) {
        super(slug, title, detail, errors, null);
    }

}
