package io.billingnow.platform.audit;

import java.util.Objects;

/**
 * One state change to record: who did what to which entity, with the state before and after (either may be null).
 * States are any Jackson-serialisable value; they must not contain secrets (mask them first).
 */
public record AuditEvent(String actorType, String actorId, String entityType, String entityId, String action,
                         Object before, Object after) {

    public AuditEvent {
        Objects.requireNonNull(actorType, "actorType");
        Objects.requireNonNull(actorId, "actorId");
        Objects.requireNonNull(entityType, "entityType");
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(action, "action");
    }
}
