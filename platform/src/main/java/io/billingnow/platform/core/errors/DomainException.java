package io.billingnow.platform.core.errors;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A request the platform refuses, said in the domain's words: which kind of refusal (the subclass), a stable slug
 * clients can switch on, a title and a detail for people, and the fields at fault. Services throw these and know
 * nothing of HTTP; {@code http.ProblemResponses} is the one place that turns a kind into a status and a problem+json.
 *
 * <p>The message (detail) is shown to the client, so it must never contain a secret, a token, or anything about
 * another tenant. Each kind is {@code non-sealed} so a feature can name a refusal it raises often (a lockout, a
 * provider failure) without adding a kind.
 */
public abstract sealed class DomainException extends RuntimeException
        permits InvalidInput, Unauthenticated, NotPermitted, NotFound, StateConflict, PreconditionFailed,
        PayloadTooLarge, Unprocessable, PreconditionRequired, Throttled, Unavailable, UpstreamFailure {

    private static final long serialVersionUID = 1L;

    private final String slug;
    private final String title;
    private final transient List<FieldError> errors;
    private final Duration retryAfter;

    DomainException(String slug, String title, String detail, List<FieldError> errors, Duration retryAfter) {
        // No stack trace: a refusal is an answer, not a bug, and is never logged with one.
        super(detail, null, false, false);
        this.slug = slug;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.retryAfter = retryAfter;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** When the caller may try again (sent as {@code Retry-After}); only throttling and unavailability have one. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /**
     * The same invalid-input refusal (its type, title and detail) with its field errors re-pointed, for a boundary
     * whose fields are named differently from the API's (a web form's rows).
     */
    public static InvalidInput withErrors(InvalidInput refusal, List<FieldError> errors) {
        String slug = refusal.slug();
        return new InvalidInput(slug, refusal.title(), refusal.getMessage(), errors);
    }

    public static NotFound notFound(String what) {
        return new NotFound("not-found", "Not found", what + " does not exist");
    }

    public static InvalidInput invalid(String pointer, String message) {
        return new InvalidInput("invalid-request", "Invalid request", message,
                List.of(new FieldError(pointer, message)));
    }

    public static InvalidInput invalid(List<FieldError> errors) {
        return new InvalidInput("invalid-request", "Invalid request",
                errors.size() == 1 ? errors.get(0).message() : errors.size() + " fields are invalid", errors);
    }

    public static StateConflict conflict(String slug, String detail) {
        return new StateConflict(slug, "Conflict with the resource's current state", detail);
    }

    public static Unprocessable unprocessable(String slug, String detail) {
        return new Unprocessable(slug, "Request cannot be processed", detail);
    }

    public static NotPermitted forbidden(String detail) {
        return new NotPermitted("forbidden", "Forbidden", detail);
    }

    public static Unauthenticated unauthorized() {
        return new Unauthenticated("unauthorized", "Unauthorized", "A valid credential is required");
    }

    public static PreconditionFailed preconditionFailed(String detail) {
        return new PreconditionFailed("precondition-failed", "Precondition failed", detail);
    }

    public static PreconditionRequired preconditionRequired() {
        return new PreconditionRequired("precondition-required", "Precondition required",
                "This update needs an If-Match header with the resource's current ETag");
    }
}
