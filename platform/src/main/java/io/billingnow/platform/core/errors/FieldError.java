package io.billingnow.platform.core.errors;

/** One invalid field: where it is (a JSON pointer such as {@code /lines/2/quantity}) and what is wrong. */
public record FieldError(String pointer, String message) {
}
