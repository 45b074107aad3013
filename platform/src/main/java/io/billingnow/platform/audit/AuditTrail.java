package io.billingnow.platform.audit;

import io.billingnow.platform.core.errors.DomainException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.billingnow.platform.core.tx.TenantHandle;
import io.billingnow.platform.core.tx.TenantTransactions;
import io.billingnow.platform.core.TenantId;
import java.util.List;

/**
 * Reads a tenant's audit trail page by page, oldest first. The cursor is the {@code seq} of the last entry returned,
 * so a page is stable while new entries are appended behind it.
 */
public final class AuditTrail {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    private final TenantTransactions transactions;
    private final ObjectMapper json;

    public AuditTrail(TenantTransactions transactions, ObjectMapper json) {
        this.transactions = transactions;
        this.json = json;
    }

    public record Page(List<AuditEventView> data, String nextCursor) {
    }

    /** Both parts of an entity filter, or neither. */
    public record EntityFilter(String type, String id) {

        public static EntityFilter of(String type, String id) {
            if (type == null && id == null) {
                return null;
            }
            if (type == null || type.isBlank()) {
                throw DomainException.invalid("/entityType", "required together with entityId");
            }
            if (id == null || id.isBlank()) {
                throw DomainException.invalid("/entityId", "required together with entityType");
            }
            return new EntityFilter(type, id);
        }
    }

    public Page page(TenantId tenant, EntityFilter entity, String cursor, int limit) {
        return transactions.read(tenant, tx -> page(tx, entity, cursor, limit));
    }

    /** The same page inside the caller's tenant transaction (a web page reads it with the rest of what it shows). */
    public Page page(TenantHandle tx, EntityFilter entity, String cursor, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw DomainException.invalid("/limit", "between 1 and " + MAX_LIMIT);
        }
        long afterSeq = parseCursor(cursor);
        AuditDao dao = tx.dao(AuditDao.class);
        List<AuditEntry> entries = entity == null
                ? dao.page(tx.tenant(), afterSeq, limit + 1)
                : dao.pageForEntity(tx.tenant(), entity.type(), entity.id(), afterSeq, limit + 1);
        boolean more = entries.size() > limit;
        List<AuditEntry> shown = more ? entries.subList(0, limit) : entries;
        List<AuditEventView> data = shown.stream().map(e -> AuditEventView.of(e, json)).toList();
        return new Page(data, more ? Long.toString(shown.get(shown.size() - 1).seq()) : null);
    }

    private static long parseCursor(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return 0;
        }
        try {
            long seq = Long.parseLong(cursor);
            if (seq >= 0) {
                return seq;
            }
        } catch (NumberFormatException e) {
            // fall through to the same answer as a negative number
        }
        throw DomainException.invalid("/cursor", "a cursor returned by a previous page");
    }
}
