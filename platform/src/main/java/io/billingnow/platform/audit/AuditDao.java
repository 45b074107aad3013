package io.billingnow.platform.audit;

import io.billingnow.platform.core.TenantId;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The audit tables. Obtained only through a tenant transaction; every statement names its tenant. */
@RegisterConstructorMapper(AuditEntry.class)
@RegisterConstructorMapper(AuditDao.Head.class)
public interface AuditDao {

    record Head(long seq, byte[] hash) {
    }

    @SqlUpdate("""
            INSERT INTO audit_chain_heads (tenant_id, seq, hash) VALUES (:tenant, 0, '\\x0000000000000000000000000000000000000000000000000000000000000000'::bytea)
            ON CONFLICT (tenant_id) DO NOTHING""")
    void ensureHead(@Bind("tenant") TenantId tenant);

    @SqlQuery("SELECT seq, hash FROM audit_chain_heads WHERE tenant_id = :tenant FOR UPDATE")
    java.util.Optional<Head> lockHead(@Bind("tenant") TenantId tenant);

    @SqlQuery("SELECT seq, hash FROM audit_chain_heads WHERE tenant_id = :tenant")
    java.util.Optional<Head> head(@Bind("tenant") TenantId tenant);

    String INSERT = """
            INSERT INTO audit_log (tenant_id, seq, id, occurred_at, actor_type, actor_id, entity_type, entity_id,
                                   action, before_state, after_state, request_id, prev_hash, hash)
            VALUES (:tenant, :e.seq, :e.id, :e.occurredAt, :e.actorType, :e.actorId, :e.entityType, :e.entityId,
                    :e.action, :e.beforeState, :e.afterState, :e.requestId, :e.prevHash, :e.hash)""";

    @SqlUpdate(INSERT)
    void insert(@Bind("tenant") TenantId tenant, @BindMethods("e") AuditEntry entry);

    /** Appends the entry and moves the chain head to it in one statement (one round trip instead of two). */
    @SqlUpdate("WITH entry AS (" + INSERT + """
             RETURNING tenant_id, seq, hash)
            UPDATE audit_chain_heads h SET seq = entry.seq, hash = entry.hash
            FROM entry WHERE h.tenant_id = entry.tenant_id""")
    int insertAndMoveHead(@Bind("tenant") TenantId tenant, @BindMethods("e") AuditEntry entry);

    @SqlQuery("""
            SELECT seq, id, occurred_at, actor_type, actor_id, entity_type, entity_id, action, before_state,
                   after_state, request_id, prev_hash, hash
            FROM audit_log WHERE tenant_id = :tenant AND seq > :afterSeq ORDER BY seq LIMIT :limit""")
    List<AuditEntry> page(@Bind("tenant") TenantId tenant, @Bind("afterSeq") long afterSeq, @Bind("limit") int limit);

    @SqlQuery("""
            SELECT seq, id, occurred_at, actor_type, actor_id, entity_type, entity_id, action, before_state,
                   after_state, request_id, prev_hash, hash
            FROM audit_log WHERE tenant_id = :tenant AND entity_type = :entityType AND entity_id = :entityId
              AND seq > :afterSeq ORDER BY seq LIMIT :limit""")
    List<AuditEntry> pageForEntity(@Bind("tenant") TenantId tenant, @Bind("entityType") String entityType,
                                   @Bind("entityId") String entityId, @Bind("afterSeq") long afterSeq,
                                   @Bind("limit") int limit);
}
