package io.billingnow.platform.audit;

import java.time.Instant;
import java.util.UUID;

/** A recorded audit entry as stored: states are canonical JSON text, exactly the bytes that were hashed. */
public record AuditEntry(long seq, UUID id, Instant occurredAt, String actorType, String actorId, String entityType,
                         String entityId, String action, String beforeState, String afterState, String requestId,
                         byte[] prevHash, byte[] hash) {
}
