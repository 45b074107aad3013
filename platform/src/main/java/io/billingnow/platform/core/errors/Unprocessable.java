package io.billingnow.platform.core.errors;

import java.util.List;

/** The request is well formed but its content breaks a business rule (currency, dates, provider refusal). */
public non-sealed class Unprocessable extends DomainException {

    private static final long serialVersionUID = 1L;

    public Unprocessable(String slug, String title, String detail) {
        super(slug, title, detail, List.of(), null);
    }

    public Unprocessable(String slug, String title, String detail, List<FieldError> errors) {
        super(slug, title, detail, errors, null);
    }

}
