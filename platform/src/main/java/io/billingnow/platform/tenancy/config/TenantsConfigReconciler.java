package io.billingnow.platform.tenancy.config;

import io.billingnow.platform.auth.SystemCaller;
import io.billingnow.platform.db.PlatformTransactions;
import io.billingnow.platform.tenancy.Tenant;
import io.billingnow.platform.tenancy.TenantDefinition;
import io.billingnow.platform.tenancy.TenantService;
import io.billingnow.platform.tenancy.TenantStatus;
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
 * Makes the tenant registry match the tenants-config folder: creates the tenants it lacks and updates those that
 * differ, through {@link TenantService} so every change is validated and audited (actor type {@code config}, actor id
 * the file). It never removes anything: a tenant without a file is only reported, because deleting a business's data
 * must be a deliberate act, not the side effect of a missing file. Running it twice changes nothing the second time.
 */
public final class TenantsConfigReconciler {

    private static final Logger LOG = LoggerFactory.getLogger(TenantsConfigReconciler.class);
    private static final int PAGE = 200;
    private static final String LOCK_KEY = "hashtext('billingnow.tenants-config')";

    private final TenantService tenants;
    private final PlatformTransactions platform;

    public TenantsConfigReconciler(TenantService tenants, PlatformTransactions platform) {
        this.tenants = tenants;
        this.platform = platform;
    }

    /** What a run did, by slug. */
    public record Report(List<String> created, List<String> updated, List<String> unchanged, List<String> skipped,
                         List<String> withoutFile) {
    }

    /** Applies the folder, or throws {@link InvalidTenantsConfigException} having changed nothing. */
    public Report reconcile(Path folder) {
        Map<String, TenantDefinition> definitions = TenantsConfigFolder.readValid(folder);
        // Several nodes may start at once: one applies the folder, the others wait and then find nothing to do.
        try (Handle lock = platform.open()) {
            lock.createQuery("SELECT 1 FROM (SELECT pg_advisory_lock(" + LOCK_KEY + ")) AS acquired")
                    .mapTo(Integer.class).one();
            try {
                return apply(definitions);
            } finally {
                lock.createQuery("SELECT pg_advisory_unlock(" + LOCK_KEY + ")")
                        .mapTo(Boolean.class).one();
            }
        }
    }

    private Report apply(Map<String, TenantDefinition> definitions) {
        List<String> created = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Set<String> slugs = new HashSet<>();
        for (Map.Entry<String, TenantDefinition> entry : definitions.entrySet()) {
            TenantDefinition definition = entry.getValue();
            SystemCaller actor = SystemCaller.config(entry.getKey());
            slugs.add(definition.slug());
            Optional<Tenant> existing = tenants.findBySlug(definition.slug());
            if (existing.isEmpty()) {
                tenants.provision(definition, actor);
                created.add(definition.slug());
            } else if (existing.get().status() == TenantStatus.OFFBOARDED) {
                LOG.warn("tenants-config: {} describes tenant {}, which is offboarded; the file is ignored",
                        entry.getKey(), definition.slug());
                skipped.add(definition.slug());
            } else if (matches(existing.get(), definition)) {
                unchanged.add(definition.slug());
            } else {
                tenants.update(existing.get().id(), definition, actor);
                updated.add(definition.slug());
            }
        }
        List<String> withoutFile = tenantsWithoutFile(slugs);
        for (String slug : withoutFile) {
            LOG.warn("tenants-config: tenant {} has no file {}{}; it is kept as it is (tenants are never deleted or "
                    + "offboarded by configuration)", slug, slug, TenantFile.EXTENSION);
        }
        LOG.info("tenants-config applied: {} created, {} updated, {} unchanged", created.size(), updated.size(),
                unchanged.size());
        return new Report(created, updated, unchanged, skipped, withoutFile);
    }

    private static boolean matches(Tenant tenant, TenantDefinition definition) {
        return tenant.name().equals(definition.name())
                && tenant.country().equals(definition.country())
                && tenant.defaultCurrency().equals(definition.currency())
                && tenant.settings().equals(definition.settings());
    }

    private List<String> tenantsWithoutFile(Set<String> slugs) {
        List<String> without = new ArrayList<>();
        String after = "";
        while (true) {
            List<Tenant> page = tenants.list(null, after, PAGE);
            for (Tenant tenant : page) {
                if (tenant.status() != TenantStatus.OFFBOARDED && !slugs.contains(tenant.slug())) {
                    without.add(tenant.slug());
                }
            }
            if (page.size() < PAGE) {
                return without;
            }
            after = page.get(page.size() - 1).slug();
        }
    }
}
