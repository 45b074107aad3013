package io.billingnow.platform.keys;

import io.billingnow.platform.audit.AuditEvent;
import io.billingnow.platform.audit.AuditLog;
import io.billingnow.platform.core.tx.PlatformTransactions;
import io.billingnow.platform.core.tx.TenantTransactions;
import io.billingnow.platform.keys.master.MasterKey;
import io.billingnow.platform.keys.master.MasterKeyException;
import io.billingnow.platform.core.TenantId;
import io.billingnow.platform.tenancy.Tenant;
import io.billingnow.platform.tenancy.Tenants;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Master-key rotation: every tenant's data keys are unwrapped with the old master key and wrapped with the new one,
 * one tenant per transaction, without touching any encrypted data. Resumable: a key already wrapped by the new master
 * key is skipped, so a crashed rotation simply runs again. The canary moves to the new key only at the end.
 */
public final class MasterKeyRotation {

    private static final Logger LOG = LoggerFactory.getLogger(MasterKeyRotation.class);
    private static final int TENANT_PAGE = 500;

    private final PlatformTransactions platform;
    private final TenantTransactions tenants;
    private final MasterKeyCheck check;
    private final AuditLog audit;
    private final int tenantPage;

    public MasterKeyRotation(PlatformTransactions platform, TenantTransactions tenants, MasterKeyCheck check,
                             AuditLog audit) {
        this(platform, tenants, check, audit, TENANT_PAGE);
    }

    /** With pages of {@code tenantPage} tenants, so a test can walk several pages with a few tenants. */
    MasterKeyRotation(PlatformTransactions platform, TenantTransactions tenants, MasterKeyCheck check, AuditLog audit,
                      int tenantPage) {
        this.platform = platform;
        this.tenants = tenants;
        this.check = check;
        this.audit = audit;
        this.tenantPage = tenantPage;
    }

    /** Re-wraps every data key still under {@code from} with {@code to}; returns how many were re-wrapped. */
    public int rewrapAll(MasterKey from, MasterKey to, KeyActor actor) {
        List<TenantId> ids = allTenants();
        int total = 0;
        for (TenantId id : ids) {
            total += rewrapTenant(id, from, to, actor);
        }
        check.record(to);
        LOG.info("master key rotation: {} data keys of {} tenants re-wrapped from {} to {}", total, ids.size(),
                from.id(), to.id());
        return total;
    }

    /**
     * Every tenant whatever its status (a suspended or offboarded tenant's keys are wrapped too), through the tenant
     * registry's own API, page by page.
     */
    private List<TenantId> allTenants() {
        List<TenantId> all = new ArrayList<>();
        String after = "";
        while (true) {
            List<Tenant> page = Tenants.page(platform, after, tenantPage);
            page.forEach(tenant -> all.add(tenant.id()));
            if (page.size() < tenantPage) {
                return all;
            }
            after = page.get(page.size() - 1).slug();
        }
    }

    private int rewrapTenant(TenantId tenant, MasterKey from, MasterKey to, KeyActor actor) {
        return tenants.write(tenant, tx -> {
            DataKeyDao dao = tx.dao(DataKeyDao.class);
            List<Integer> versions = new ArrayList<>();
            for (StoredDataKey key : dao.lockAll(tenant)) {
                if (!key.keyState().hasMaterial() || to.id().equals(key.masterKeyId())) {
                    continue;
                }
                if (!from.id().equals(key.masterKeyId())) {
                    throw new MasterKeyException("key version " + key.version() + " of tenant " + tenant
                            + " is wrapped by master key " + key.masterKeyId() + ", which is neither " + from.id()
                            + " nor " + to.id());
                }
                byte[] context = TenantKeyService.wrapContext(tenant, key.version());
                byte[] material = from.unwrap(key.wrappedKey(), context);
                try {
                    dao.rewrap(tenant, key.version(), to.wrap(material, context), to.id());
                } finally {
                    Arrays.fill(material, (byte) 0);
                }
                versions.add(key.version());
            }
            if (!versions.isEmpty()) {
                audit.append(tx, new AuditEvent(actor.type(), actor.id(), "data_key", tenant.toString(),
                        "data_key.rewrapped", Map.of("masterKeyId", from.id(), "versions", versions),
                        Map.of("masterKeyId", to.id(), "versions", versions)));
            }
            return versions.size();
        });
    }
}
