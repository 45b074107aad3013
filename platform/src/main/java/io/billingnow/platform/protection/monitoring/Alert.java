package io.billingnow.platform.protection.monitoring;

import java.time.Instant;

/** A threshold crossed: {@code count} events of {@code kind} for {@code key} within {@code windowSeconds}. */
public record Alert(Instant raisedAt, String kind, String by, String key, int count, long windowSeconds,
                    long lockoutSeconds) {
}
