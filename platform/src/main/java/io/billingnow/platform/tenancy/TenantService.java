package io.billingnow.platform.tenancy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.billingnow.platform.audit.AuditEvent;
import io.billingnow.platform.audit.AuditLog;
import io.billingnow.platform.auth.Caller;
import io.billingnow.platform.db.PlatformTransactions;
import io.billingnow.platform.db.TenantTransactions;
import io.billingnow.platform.http.ApiException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * Provisioning and lifecycle of tenants. Each change and its audit entry commit together, in the tenant's own log.
 */
public final class TenantService {

    private final TenantTransactions tenants;
    private final PlatformTransactions platform;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Clock clock;
    private final List<TenantLifecycleListener> listeners = new CopyOnWriteArrayList<>();

    public TenantService(TenantTransactions tenants, PlatformTransactions platform, AuditLog audit, ObjectMapper json,
                         Clock clock) {
        this.tenants = tenants;
        this.platform = platform;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    public void addListener(TenantLifecycleListener listener) {
        listeners.add(listener);
    }

    public Optional<Tenant> find(TenantId id) {
        return platform.withDao(TenantDao.class, dao -> dao.byId(id.value()));
    }

    public Optional<Tenant> findBySlug(String slug) {
        return platform.withDao(TenantDao.class, dao -> dao.bySlug(slug));
    }

    public List<Tenant> list(TenantStatus status, String afterSlug, int limit) {
        return platform.withDao(TenantDao.class,
                dao -> dao.page(status == null ? null : status.wireName(), afterSlug == null ? "" : afterSlug, limit));
    }

    public Tenant provision(TenantDefinition definition, Caller actor) {
        definition.validate();
        if (findBySlug(definition.slug()).isPresent()) {
            throw ApiException.conflict("tenant-exists", "A tenant with this slug already exists");
        }
        TenantId id = TenantId.random();
        try {
            return insertTenant(id, definition, actor);
        } catch (org.jdbi.v3.core.statement.UnableToExecuteStatementException e) {
            if (e.getCause() instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                // Lost a race with a concurrent provisioning of the same slug.
                throw ApiException.conflict("tenant-exists", "A tenant with this slug already exists");
            }
            throw e;
        }
    }

    private Tenant insertTenant(TenantId id, TenantDefinition definition, Caller actor) {
        return tenants.write(id, tx -> {
            TenantDao dao = tx.dao(TenantDao.class);
            dao.insert(id.value(), definition.slug(), definition.name(), definition.country(), definition.currency(),
                    json(definition.settings()), clock.instant());
            Tenant created = dao.byId(id.value()).orElseThrow();
            audit.append(tx, new AuditEvent(actor.actorType(), actor.actorId(), "tenant", id.toString(),
                    "tenant.provisioned", null, created));
            for (TenantLifecycleListener listener : listeners) {
                listener.provisioned(tx, created);
            }
            return created;
        });
    }

    public Tenant update(TenantId id, TenantDefinition definition, Caller actor) {
        return update(id, definition, actor, version -> { });
    }

    /**
     * Updates the tenant after {@code versionCheck} accepted its current version (read under a row lock); the
     * check throws to refuse, e.g. {@code version -> ETags.requireMatch(ifMatch, version)}.
     */
    public Tenant update(TenantId id, TenantDefinition definition, Caller actor, IntConsumer versionCheck) {
        definition.validate();
        return tenants.write(id, tx -> {
            TenantDao dao = tx.dao(TenantDao.class);
            Tenant before = dao.lockById(id.value()).orElseThrow(() -> ApiException.notFound("Tenant"));
            versionCheck.accept(before.version());
            if (!before.slug().equals(definition.slug())) {
                throw ApiException.invalid("/slug", "a tenant's slug cannot change");
            }
            dao.update(id.value(), definition.name(), definition.country(), definition.currency(),
                    json(definition.settings()), clock.instant());
            Tenant after = dao.byId(id.value()).orElseThrow();
            audit.append(tx, new AuditEvent(actor.actorType(), actor.actorId(), "tenant", id.toString(),
                    "tenant.updated", before, after));
            return after;
        });
    }

    public Tenant suspend(TenantId id, Caller actor) {
        return changeStatus(id, TenantStatus.SUSPENDED, actor, "tenant.suspended");
    }

    public Tenant reactivate(TenantId id, Caller actor) {
        return changeStatus(id, TenantStatus.ACTIVE, actor, "tenant.reactivated");
    }

    /**
     * Offboarding is final: listeners destroy what must not outlive the tenant (its keys first). {@code confirmation}
     * sees the locked current tenant and throws to refuse (the admin API requires If-Match and the slug typed out).
     */
    public Tenant offboard(TenantId id, Caller actor, Consumer<Tenant> confirmation) {
        return changeStatus(id, TenantStatus.OFFBOARDED, actor, "tenant.offboarded", confirmation);
    }

    private Tenant changeStatus(TenantId id, TenantStatus status, Caller actor, String action) {
        return changeStatus(id, status, actor, action, tenant -> { });
    }

    private Tenant changeStatus(TenantId id, TenantStatus status, Caller actor, String action,
                                Consumer<Tenant> precondition) {
        return tenants.write(id, tx -> {
            TenantDao dao = tx.dao(TenantDao.class);
            Tenant before = dao.lockById(id.value()).orElseThrow(() -> ApiException.notFound("Tenant"));
            if (before.status() == TenantStatus.OFFBOARDED) {
                throw ApiException.conflict("tenant-offboarded", "An offboarded tenant cannot change status");
            }
            precondition.accept(before);
            if (before.status() == status) {
                return before;
            }
            dao.setStatus(id.value(), status.wireName(), clock.instant());
            Tenant after = dao.byId(id.value()).orElseThrow();
            audit.append(tx, new AuditEvent(actor.actorType(), actor.actorId(), "tenant", id.toString(), action,
                    before, after));
            if (status == TenantStatus.OFFBOARDED) {
                for (TenantLifecycleListener listener : listeners) {
                    listener.offboarded(tx, after);
                }
            }
            return after;
        });
    }

    private String json(TenantSettings settings) {
        try {
            return json.writeValueAsString(settings == null ? TenantSettings.defaults() : settings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
