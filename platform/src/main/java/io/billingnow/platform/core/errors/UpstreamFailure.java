package io.billingnow.platform.core.errors;

import java.util.List;

/** A dependency answered something unusable or failed outright; retrying later may help. */
public non-sealed class UpstreamFailure extends DomainException {

    private static final long serialVersionUID = 1L;

    public UpstreamFailure(String slug, String title, String detail) {
        super(slug, title, detail, List.of(), null);
    }

    public UpstreamFailure(String slug, String title, String detail, List<FieldError> errors) {
        super(slug, title, detail, errors, null);
    }

}
