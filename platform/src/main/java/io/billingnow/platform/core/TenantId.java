package io.billingnow.platform.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/**
 * The identity of a tenant. A distinct type (not a bare UUID) so that a tenant can never be confused with any other
 * id in a method signature, and so that data access can demand one.
 */
public record TenantId(@JsonValue UUID value) {

    public TenantId {
        Objects.requireNonNull(value, "value");
    }

    @JsonCreator
    public static TenantId of(String value) {
        return new TenantId(UUID.fromString(value));
    }

    public static TenantId random() {
        return new TenantId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
