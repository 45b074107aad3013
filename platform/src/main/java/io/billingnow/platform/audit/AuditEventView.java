package io.billingnow.platform.audit;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

/**
 * One audit entry as the API shows it. States are stored as JSON text (the exact bytes that were hashed) and are
 * returned as JSON values, so clients need not parse a string inside a string. Hashes are lowercase hex; the time is
 * ISO-8601 text whatever the shared mapper's date setting.
 */
public record AuditEventView(long seq, UUID id, @JsonFormat(shape = JsonFormat.Shape.STRING) Instant occurredAt,
                             Party actor, Party entity, String action, JsonNode before, JsonNode after,
                             String requestId, String hash, String prevHash) {

    /** Who acted, or what was acted on: a type and an id, e.g. {@code api_key} and the key's id. */
    public record Party(String type, String id) {
    }

    private static final HexFormat HEX = HexFormat.of();

    public static AuditEventView of(AuditEntry entry, ObjectMapper json) {
        return new AuditEventView(entry.seq(), entry.id(), entry.occurredAt(),
                new Party(entry.actorType(), entry.actorId()), new Party(entry.entityType(), entry.entityId()),
                entry.action(), state(json, entry.beforeState()), state(json, entry.afterState()), entry.requestId(),
                HEX.formatHex(entry.hash()), HEX.formatHex(entry.prevHash()));
    }

    private static JsonNode state(ObjectMapper json, String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            // Only a hand-edited row can get here; verification reports it, reading must not fail because of it.
            return json.getNodeFactory().textNode(text);
        }
    }
}
