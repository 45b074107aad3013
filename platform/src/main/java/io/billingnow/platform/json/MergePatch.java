package io.billingnow.platform.json;

import io.billingnow.platform.core.errors.DomainException;
import io.billingnow.platform.core.errors.FieldError;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * JSON Merge Patch (RFC 7396), the one update semantics of the API: a {@code PATCH} with
 * {@code Content-Type: application/merge-patch+json} changes exactly the fields it sends, a {@code null} removes a
 * field (an optional one goes back to its default), and an array is replaced as a whole. The result is then bound
 * and validated exactly as a create would be, inside the transaction that holds the row locked.
 */
public final class MergePatch {

    public static final String MEDIA_TYPE = "application/merge-patch+json";

    private static final ObjectMapper JSON = JsonConventions.apply(Jackson.newObjectMapper());
    private static final Validator VALIDATOR = Validators.newValidator();

    private MergePatch() {
    }

    /**
     * Applies a patch to the writable fields of a resource ({@code current}, in the type a create takes) and binds
     * and validates the result exactly as a create's body is: 400 {@code invalid-request} with a pointer per problem.
     */
    public static <T> T applyTo(T current, JsonNode patch, Class<T> type) {
        requireObject(patch);
        return bind(apply(JSON.valueToTree(current), patch), type);
    }

    /**
     * Binds and validates a body exactly as a create's JSON body is (strict fields, bean validation): 400
     * {@code invalid-request} with a pointer per problem. For a body built elsewhere than from JSON (a web form).
     */
    public static <T> T bind(JsonNode merged, Class<T> type) {
        T result;
        try {
            result = JSON.treeToValue(merged, type);
        } catch (JsonMappingException e) {
            throw DomainException.invalid(JsonPointers.of(e),
                    e instanceof UnrecognizedPropertyException ? "unknown field" : "wrong type or format");
        } catch (JsonProcessingException e) {
            throw DomainException.invalid("/", "wrong type or format");
        }
        return validated(result);
    }

    /**
     * Checks a value bound by other means (a web form) against its bean constraints, exactly as a create's body is
     * checked: 400 {@code invalid-request} with a pointer per problem.
     */
    public static <T> T validated(T result) {
        List<FieldError> errors = VALIDATOR.validate(result).stream()
                .map((ConstraintViolation<T> v) -> new FieldError(JsonPointers.of(v.getPropertyPath()),
                        v.getMessage()))
                .sorted(Comparator.comparing(FieldError::pointer))
                .toList();
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        return result;
    }

    /** A patch must be a JSON object: any other document would replace the resource by something that is not one. */
    public static JsonNode requireObject(JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            throw DomainException.invalid("/", "a JSON merge patch: an object of the fields to change");
        }
        return patch;
    }

    /** The target with the patch applied (RFC 7396 section 2); neither argument is changed. */
    public static JsonNode apply(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch.deepCopy();
        }
        ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy()
                : ((ObjectNode) patch).objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> fields = patch.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isNull()) {
                result.remove(field.getKey());
            } else {
                result.set(field.getKey(), apply(result.get(field.getKey()), field.getValue()));
            }
        }
        return result;
    }
}
