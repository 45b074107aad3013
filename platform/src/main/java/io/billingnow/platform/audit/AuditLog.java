package io.billingnow.platform.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.billingnow.platform.db.TenantHandle;
import io.billingnow.platform.http.RequestIdFilter;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.slf4j.MDC;

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

    public AuditEntry append(TenantHandle tx, AuditEvent event) {
        AuditDao dao = tx.dao(AuditDao.class);
        // The head exists from a tenant's first event on: lock it directly and create it only when it is missing,
        // which saves a write statement on every append (docs/performance.md).
        AuditDao.Head head = dao.lockHead(tx.tenant()).orElseGet(() -> {
            dao.ensureHead(tx.tenant());
            return dao.lockHead(tx.tenant()).orElseThrow();
        });
        long seq = head.seq() + 1;
        UUID id = UUID.randomUUID();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String before = json(event.before());
        String after = json(event.after());
        String requestId = MDC.get(RequestIdFilter.MDC_KEY);
        byte[] hash = AuditHashing.hash(head.hash(), seq, id, now, event.actorType(), event.actorId(),
                event.entityType(), event.entityId(), event.action(), before, after, requestId);
        AuditEntry entry = new AuditEntry(seq, id, now, event.actorType(), event.actorId(), event.entityType(),
                event.entityId(), event.action(), before, after, requestId, head.hash(), hash);
        dao.insert(tx.tenant(), entry);
        dao.moveHead(tx.tenant(), seq, hash);
        return entry;
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
