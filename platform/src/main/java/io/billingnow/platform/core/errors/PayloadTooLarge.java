package io.billingnow.platform.core.errors;

import java.util.List;

/** The request carries more than the platform accepts for this operation. */
public non-sealed class PayloadTooLarge extends DomainException {

    private static final long serialVersionUID = 1L;

    public PayloadTooLarge(String slug, String title, String detail) {
        super(slug, title, detail, List.of(), null);
    }

    public PayloadTooLarge(String slug, String title, String detail, List<FieldError> errors) {
        super(slug, title, detail, errors, null);
    }

}
