package io.billingnow.platform.audit;

import io.billingnow.platform.core.RequestIds;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.billingnow.platform.core.tx.TenantHandle;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Appends to a tenant's hash chain inside the caller's transaction, so an entry exists exactly when its change does.
 * The chain head row is locked for the rest of the transaction: entries of one tenant are strictly sequential.
 */
public final class AuditLog {

    private final Clock clock;
    private final ObjectMapper json;

    /** States are stored as the exact JSON text that was hashed, so verification needs no canonical form. */
    public AuditLog(ObjectMapper mapper, Clock clock) {
        this.clock = clock;
        this.json = mapper;
    }

    /** The tenant's entries in chain order after sequence number {@code afterSeq}: an export reads the whole log. */
    public static List<AuditEntry> entries(TenantHandle tx, long afterSeq, int limit) {
        return tx.dao(AuditDao.class).page(tx.tenant(), afterSeq, limit);
    }

    public AuditEntry append(TenantHandle tx, AuditEvent event) {
        return appendAll(tx, List.of(event)).get(0);
    }

    /**
     * Appends several events of one change in order. The head is locked once and moved once, with the last entry:
     * 1 + n statements for n events (docs/performance.md).
     */
    public List<AuditEntry> appendAll(TenantHandle tx, List<AuditEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        AuditDao dao = tx.dao(AuditDao.class);
        // The head exists from a tenant's first event on: lock it directly and create it only when it is missing.
        AuditDao.Head head = dao.lockHead(tx.tenant()).orElseGet(() -> {
            dao.ensureHead(tx.tenant());
            return dao.lockHead(tx.tenant()).orElseThrow();
        });
        String requestId = RequestIds.current();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<AuditEntry> entries = new ArrayList<>(events.size());
        long seq = head.seq();
        byte[] previous = head.hash();
        for (AuditEvent event : events) {
            seq++;
            UUID id = UUID.randomUUID();
            String before = json(event.before());
            String after = json(event.after());
            byte[] hash = AuditHashing.hash(previous, seq, id, now, event.actorType(), event.actorId(),
                    event.entityType(), event.entityId(), event.action(), before, after, requestId);
            entries.add(new AuditEntry(seq, id, now, event.actorType(), event.actorId(), event.entityType(),
                    event.entityId(), event.action(), before, after, requestId, previous, hash));
            previous = hash;
        }
        for (int i = 0; i < entries.size() - 1; i++) {
            dao.insert(tx.tenant(), entries.get(i));
        }
        if (dao.insertAndMoveHead(tx.tenant(), entries.get(entries.size() - 1)) != 1) {
            throw new IllegalStateException("the audit chain head of tenant " + tx.tenant() + " did not move");
        }
        return entries;
    }

    private String json(Object state) {
        if (state == null) {
            return null;
        }
        try {
            return json.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit state is not serialisable: " + state.getClass().getName(), e);
        }
    }
}
