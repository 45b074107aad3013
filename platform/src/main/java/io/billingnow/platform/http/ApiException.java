package io.billingnow.platform.http;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A failure that maps to a problem response. Its message is shown to the client, so it must never contain a secret,
 * a token, or anything about another tenant.
 */
public class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String slug;
    private final String title;
    private final transient List<Problem.FieldError> errors;
    private final Duration retryAfter;

    public ApiException(int status, String slug, String title, String detail) {
        this(status, slug, title, detail, List.of());
    }

    public ApiException(int status, String slug, String title, String detail, List<Problem.FieldError> errors) {
        this(status, slug, title, detail, errors, null);
    }

    /** A refusal the client may repeat after {@code retryAfter} (sent as {@code Retry-After}), e.g. a 503. */
    public ApiException(int status, String slug, String title, String detail, Duration retryAfter) {
        this(status, slug, title, detail, List.of(), retryAfter);
    }

    private ApiException(int status, String slug, String title, String detail, List<Problem.FieldError> errors,
                         Duration retryAfter) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.retryAfter = retryAfter;
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public static ApiException notFound(String what) {
        return new ApiException(404, "not-found", "Not found", what + " does not exist");
    }

    public static ApiException invalid(String pointer, String message) {
        return new ApiException(400, "invalid-request", "Invalid request", message,
                List.of(new Problem.FieldError(pointer, message)));
    }

    public static ApiException invalid(List<Problem.FieldError> errors) {
        return new ApiException(400, "invalid-request", "Invalid request",
                errors.size() == 1 ? errors.get(0).message() : errors.size() + " fields are invalid", errors);
    }

    public static ApiException conflict(String slug, String detail) {
        return new ApiException(409, slug, "Conflict with the resource's current state", detail);
    }

    public static ApiException unprocessable(String slug, String detail) {
        return new ApiException(422, slug, "Request cannot be processed", detail);
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(403, "forbidden", "Forbidden", detail);
    }

    public static ApiException unauthorized() {
        return new ApiException(401, "unauthorized", "Unauthorized", "A valid credential is required");
    }

    public static ApiException preconditionFailed(String detail) {
        return new ApiException(412, "precondition-failed", "Precondition failed", detail);
    }

    public static ApiException preconditionRequired() {
        return new ApiException(428, "precondition-required", "Precondition required",
                "This update needs an If-Match header with the resource's current ETag");
    }
}
