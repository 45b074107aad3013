package io.billingnow.platform.core.errors;

import java.time.Duration;
import java.util.List;

/** Too many attempts: the caller may try again after the given time. */
public non-sealed class Throttled extends DomainException {

    private static final long serialVersionUID = 1L;

    public Throttled(String slug, String title, String detail) {
        super(slug, title, detail, List.of(), null);
    }

    public Throttled(String slug, String title, String detail, List<FieldError> errors) {
        super(slug, title, detail, errors, null);
    }

    public Throttled(String slug, String title, String detail, Duration retryAfter) {
        super(slug, title, detail, List.of(), retryAfter);
    }
}
