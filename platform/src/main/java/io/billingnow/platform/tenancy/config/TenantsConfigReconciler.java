package io.billingnow.platform.tenancy.config;

import io.billingnow.platform.core.errors.DomainException;
import io.billingnow.platform.identity.auth.SystemCaller;
import io.billingnow.platform.core.tx.PlatformTransactions;
import io.billingnow.platform.core.tx.TenantTransactions;
import io.billingnow.platform.core.TenantId;
import io.billingnow.platform.tenancy.Tenants;
import io.billingnow.platform.tenancy.Tenant;
import io.billingnow.platform.tenancy.TenantDefinition;
import io.billingnow.platform.tenancy.TenantService;
import io.billingnow.platform.core.TenantStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the tenant registry match the tenants-config folder: creates the tenants it lacks and sets, on those it has,
 * the fields each file owns (the fields the file writes, see {@link TenantFile#ownedFields}), through
 * {@link TenantService} so every change is validated and audited (actor type {@code config}, actor id the file), each
 * tenant in a transaction of its own that this reconciler opens.
 * A tenant with a file is managed by it: the admin API shows {@code managedBy} and refuses changes to the owned
 * fields, and the fields the file leaves out belong to the admin console and are never reset here. It never removes
 * anything: a tenant without a file is only reported (and no longer managed), because deleting a business's data must
 * be a deliberate act, not the side effect of a missing file. Running it twice changes nothing the second time.
 */
public final class TenantsConfigReconciler {

    private static final Logger LOG = LoggerFactory.getLogger(TenantsConfigReconciler.class);
    private static final int PAGE = 200;

    private final TenantService tenants;
    private final TenantTransactions tenantTx;
    private final PlatformTransactions platform;

    public TenantsConfigReconciler(TenantService tenants, TenantTransactions tenantTx, PlatformTransactions platform) {
        this.tenants = tenants;
        this.tenantTx = tenantTx;
        this.platform = platform;
    }

    /** What a run did, by slug. */
    public record Report(List<String> created, List<String> updated, List<String> unchanged, List<String> skipped,
                         List<String> withoutFile) {
    }

    /** Applies the folder, or throws {@link InvalidTenantsConfigException} having changed nothing. */
    public Report reconcile(Path folder) {
        TenantsConfigFolder.Contents contents = TenantsConfigFolder.readValid(folder);
        String folderName = folder.toAbsolutePath().normalize().getFileName() == null ? folder.toString()
                : folder.toAbsolutePath().normalize().getFileName().toString();
        // Several nodes may start at once: one applies the folder, the others wait and then find nothing to do.
        try (Handle session = platform.open()) {
            TenantsConfigLockDao lock = session.attach(TenantsConfigLockDao.class);
            lock.acquire();
            try {
                return apply(contents, folderName);
            } finally {
                lock.release();
            }
        }
    }

    private Report apply(TenantsConfigFolder.Contents contents, String folderName) {
        List<String> created = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Set<String> slugs = new HashSet<>();
        for (Map.Entry<String, TenantDefinition> entry : contents.definitions().entrySet()) {
            TenantDefinition definition = entry.getValue();
            List<String> owned = contents.ownedFields().get(entry.getKey());
            String managedBy = folderName + "/" + entry.getKey();
            SystemCaller actor = SystemCaller.config(entry.getKey());
            slugs.add(definition.slug());
            Optional<Tenant> existing = Tenants.bySlug(platform, definition.slug());
            if (existing.isEmpty()) {
                tenantTx.write(TenantId.random(), tx -> tenants.provision(tx, definition, actor, managedBy, owned));
                created.add(definition.slug());
            } else if (existing.get().status() == TenantStatus.OFFBOARDED) {
                LOG.warn("tenants-config: {} describes tenant {}, which is offboarded; the file is ignored",
                        entry.getKey(), definition.slug());
                skipped.add(definition.slug());
            } else {
                try {
                    boolean changed = tenantTx.write(existing.get().id(),
                            tx -> tenants.applyConfig(tx, definition, owned, managedBy, actor));
                    (changed ? updated : unchanged).add(definition.slug());
                } catch (DomainException e) {
                    // The file is valid, but a value the console set is not (stored before settings were checked):
                    // the tenant is left as it is and named, and the other tenants are still applied.
                    LOG.error("tenants-config: {} cannot be applied to tenant {}: {} {}", entry.getKey(),
                            definition.slug(), e.getMessage(), e.errors());
                    skipped.add(definition.slug());
                }
            }
        }
        List<Tenant> withoutFile = tenantsWithoutFile(slugs);
        for (Tenant tenant : withoutFile) {
            LOG.warn("tenants-config: tenant {} has no file {}{}; it is kept as it is (tenants are never deleted or "
                    + "offboarded by configuration)", tenant.slug(), tenant.slug(), TenantFile.EXTENSION);
            if (tenant.managedBy() != null) {
                // Its file was removed: from now on the admin console owns every field of the tenant.
                tenantTx.perform(tenant.id(),
                        tx -> tenants.releaseConfig(tx, SystemCaller.config(tenant.managedBy())));
            }
        }
        LOG.info("tenants-config applied: {} created, {} updated, {} unchanged", created.size(), updated.size(),
                unchanged.size());
        return new Report(created, updated, unchanged, skipped, withoutFile.stream().map(Tenant::slug).toList());
    }

    private List<Tenant> tenantsWithoutFile(Set<String> slugs) {
        List<Tenant> without = new ArrayList<>();
        String after = "";
        while (true) {
            List<Tenant> page = Tenants.page(platform, null, after, PAGE);
            for (Tenant tenant : page) {
                if (tenant.status() != TenantStatus.OFFBOARDED && !slugs.contains(tenant.slug())) {
                    without.add(tenant);
                }
            }
            if (page.size() < PAGE) {
                return without;
            }
            after = page.get(page.size() - 1).slug();
        }
    }
}
