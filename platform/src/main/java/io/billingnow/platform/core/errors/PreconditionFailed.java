package io.billingnow.platform.core.errors;

import java.util.List;

/** The caller's precondition (its If-Match ETag) no longer holds: someone else changed the resource. */
public non-sealed class PreconditionFailed extends DomainException {

    private static final long serialVersionUID = 1L;

    public PreconditionFailed(String slug, String title, String detail) {
        super(slug, title, detail, List.of(), null);
    }

    public PreconditionFailed(String slug, String title, String detail, List<FieldError> errors) {
        super(slug, title, detail, errors, null);
    }

}
