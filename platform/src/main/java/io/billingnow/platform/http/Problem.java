package io.billingnow.platform.http;

import io.billingnow.platform.core.errors.FieldError;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem detail. {@code type} is a stable URI per kind of problem that clients can switch on;
 * {@code errors} lists field-level validation failures as JSON pointers into the request body.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(URI type, String title, int status, String detail, String instance, String requestId,
                      List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://billingnow.io/problems/";

    public static URI type(String slug) {
        return URI.create(TYPE_BASE + slug);
    }
}
