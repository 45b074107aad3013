package io.billingnow.platform.core.errors;

import java.time.Duration;
import java.util.List;

/** A dependency (a payment or identity provider, a key) is unavailable now; the caller may retry. */
public non-sealed class Unavailable extends DomainException {

    private static final long serialVersionUID = 1L;

    public Unavailable(String slug, String title, String detail) {
        super(slug, title, detail, List.of(), null);
    }

    public Unavailable(String slug, String title, String detail, List<FieldError> errors) {
        super(slug, title, detail, errors, null);
    }

    public Unavailable(String slug, String title, String detail, Duration retryAfter) {
        super(slug, title, detail, List.of(), retryAfter);
    }
}
