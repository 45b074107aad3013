package io.billingnow.platform.audit;

import io.billingnow.platform.core.tx.TenantHandle;
import io.billingnow.platform.core.tx.TenantTransactions;
import io.billingnow.platform.core.TenantId;
import java.util.Arrays;
import java.util.List;

/** Walks a tenant's chain from the first entry and names the first link that does not hold. */
public final class AuditChainVerifier {

    private static final int PAGE = 1000;

    private final TenantTransactions transactions;

    public AuditChainVerifier(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    /** The outcome: how many entries were checked, and the first broken one (null when the chain is intact). */
    public record Result(long entriesChecked, Long brokenSeq, String problem) {
        public boolean intact() {
            return brokenSeq == null;
        }
    }

    public Result verify(TenantId tenant) {
        return transactions.read(tenant, this::verify);
    }

    /**
     * The same walk inside the caller's tenant transaction: what a business's own audit page runs on its chain (and
     * nothing else, since the transaction is bound to that one tenant).
     */
    public Result verify(TenantHandle tx) {
        TenantId tenant = tx.tenant();
        AuditDao dao = tx.dao(AuditDao.class);
        byte[] expectedPrev = AuditHashing.GENESIS;
        long expectedSeq = 1;
        long checked = 0;
        while (true) {
            List<AuditEntry> page = dao.page(tenant, expectedSeq - 1, PAGE);
            for (AuditEntry e : page) {
                if (e.seq() != expectedSeq) {
                    return new Result(checked, expectedSeq, "entry " + expectedSeq + " is missing");
                }
                if (!Arrays.equals(e.prevHash(), expectedPrev)) {
                    return new Result(checked, e.seq(), "does not link to the previous entry's hash");
                }
                byte[] recomputed = AuditHashing.hash(e.prevHash(), e.seq(), e.id(), e.occurredAt(),
                        e.actorType(), e.actorId(), e.entityType(), e.entityId(), e.action(), e.beforeState(),
                        e.afterState(), e.requestId());
                if (!Arrays.equals(recomputed, e.hash())) {
                    return new Result(checked, e.seq(), "content does not match its hash (edited)");
                }
                expectedPrev = e.hash();
                expectedSeq++;
                checked++;
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        var head = dao.head(tenant);
        if (head.isPresent() && head.get().seq() != checked) {
            return new Result(checked, checked + 1, "the chain head says " + head.get().seq()
                    + " entries but " + checked + " were found (entries removed)");
        }
        if (head.isPresent() && checked > 0 && !Arrays.equals(head.get().hash(), expectedPrev)) {
            return new Result(checked, checked, "the last entry does not match the chain head");
        }
        return new Result(checked, null, null);
    }
}
