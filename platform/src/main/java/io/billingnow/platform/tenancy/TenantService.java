package io.billingnow.platform.tenancy;

import io.billingnow.platform.core.TenantId;
import io.billingnow.platform.core.TenantStatus;
import io.billingnow.platform.core.errors.DomainException;
import io.billingnow.platform.core.errors.FieldError;
import io.billingnow.platform.core.errors.StateConflict;
import io.billingnow.platform.audit.AuditEvent;
import io.billingnow.platform.audit.AuditLog;
import io.billingnow.platform.identity.auth.Caller;
import io.billingnow.platform.core.tx.PlatformTransactions;
import io.billingnow.platform.core.tx.TenantTransactions;
import io.billingnow.platform.json.MergePatch;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Provisioning and lifecycle of tenants. Each change and its audit entry commit together, in the tenant's own log.
 */
public final class TenantService {

    private final TenantTransactions tenants;
    private final PlatformTransactions platform;
    private final AuditLog audit;
    private final Clock clock;
    private final List<TenantLifecycleListener> listeners = new CopyOnWriteArrayList<>();

    public TenantService(TenantTransactions tenants, PlatformTransactions platform, AuditLog audit, Clock clock) {
        this.tenants = tenants;
        this.platform = platform;
        this.audit = audit;
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
        return provision(definition, actor, null, List.of());
    }

    /** Provisions a tenant managed by a tenants-config file ({@code managedBy}) that owns {@code ownedFields}. */
    public Tenant provision(TenantDefinition definition, Caller actor, String managedBy, List<String> ownedFields) {
        definition.validate();
        if (findBySlug(definition.slug()).isPresent()) {
            throw DomainException.conflict("tenant-exists", "A tenant with this slug already exists");
        }
        TenantId id = TenantId.random();
        try {
            return insertTenant(id, definition, actor, managedBy, ownedFields);
        } catch (org.jdbi.v3.core.statement.UnableToExecuteStatementException e) {
            if (e.getCause() instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                // Lost a race with a concurrent provisioning of the same slug.
                throw DomainException.conflict("tenant-exists", "A tenant with this slug already exists");
            }
            throw e;
        }
    }

    private Tenant insertTenant(TenantId id, TenantDefinition definition, Caller actor, String managedBy,
                                List<String> ownedFields) {
        return tenants.write(id, tx -> {
            TenantDao dao = tx.dao(TenantDao.class);
            dao.insert(id.value(), definition.slug(), definition.name(), definition.country(), definition.currency(),
                    stored(definition.settings()), managedBy, ownedFields.toArray(String[]::new), clock.instant());
            Tenant created = dao.byId(id.value()).orElseThrow();
            audit.append(tx, new AuditEvent(actor.actorType(), actor.actorId(), "tenant", id.toString(),
                    "tenant.provisioned", null, created));
            for (TenantLifecycleListener listener : listeners) {
                listener.provisioned(tx, created);
            }
            return created;
        });
    }

    /**
     * Applies a JSON merge patch (RFC 7396) to the tenant's definition, after {@code versionCheck} accepted its
     * current version (read under a row lock), e.g. {@code version -> ETags.requireMatch(ifMatch, version)}. What the
     * patch leaves out keeps its value; the result is validated as a whole ({@link TenantDefinition#parse}).
     */
    public Tenant patch(TenantId id, JsonNode patch, Caller actor, IntConsumer versionCheck) {
        MergePatch.requireObject(patch);
        return change(id, actor, versionCheck,
                current -> TenantDefinition.parse(MergePatch.apply(current.toJson(), patch)));
    }

    /** Enables or disables one payment provider for the tenant (the rest of its definition is kept). */
    public Tenant enableProvider(TenantId id, String providerId, boolean enabled, Caller actor) {
        return change(id, actor, version -> { }, current -> {
            List<String> providers = new ArrayList<>(current.settings().enabledProviders());
            providers.remove(providerId);
            if (enabled) {
                providers.add(providerId);
            }
            return new TenantDefinition(current.slug(), current.name(), current.country(), current.currency(),
                    current.settings().withEnabledProviders(providers));
        });
    }

    /**
     * Changes the tenant's definition under a row lock. A field its tenants-config file owns cannot be changed by
     * anyone but that file (409 naming the file); a change that changes nothing writes nothing.
     */
    private Tenant change(TenantId id, Caller actor, IntConsumer versionCheck,
                          UnaryOperator<TenantDefinition> change) {
        return tenants.write(id, tx -> {
            TenantDao dao = tx.dao(TenantDao.class);
            Tenant before = dao.lockById(id.value()).orElseThrow(() -> DomainException.notFound("Tenant"));
            versionCheck.accept(before.version());
            TenantDefinition current = TenantDefinition.of(before);
            TenantDefinition definition = change.apply(current);
            definition.validate();
            if (!before.slug().equals(definition.slug())) {
                throw DomainException.invalid("/slug", "a tenant's slug cannot change");
            }
            requireNotManaged(before, current, definition);
            if (definition.equals(current)) {
                return before;
            }
            dao.update(id.value(), definition.name(), definition.country(), definition.currency(),
                    stored(definition.settings()), clock.instant());
            Tenant after = dao.byId(id.value()).orElseThrow();
            audit.append(tx, new AuditEvent(actor.actorType(), actor.actorId(), "tenant", id.toString(),
                    "tenant.updated", before, after));
            return after;
        });
    }

    private static void requireNotManaged(Tenant tenant, TenantDefinition current, TenantDefinition changed) {
        if (tenant.managedBy() == null) {
            return;
        }
        JsonNode was = current.toJson();
        JsonNode will = changed.toJson();
        List<FieldError> owned = tenant.managedFields().stream()
                .filter(pointer -> !was.at(pointer).equals(will.at(pointer)))
                .map(pointer -> new FieldError(pointer, "set by " + tenant.managedBy()))
                .toList();
        if (!owned.isEmpty()) {
            throw new StateConflict("tenant-managed-by-config", "Managed by tenants-config",
                    owned.stream().map(FieldError::pointer).collect(Collectors.joining(", "))
                            + (owned.size() == 1 ? " is" : " are") + " set by " + tenant.managedBy()
                            + ": change the file (it is applied at startup)", owned);
        }
    }

    /**
     * Makes a tenant match its tenants-config file: the fields the file owns take the file's values, the others keep
     * theirs, and the tenant records the file and its fields. Only the reconciler calls this.
     *
     * @return whether anything changed
     */
    public boolean applyConfig(TenantId id, TenantDefinition file, List<String> ownedFields, String managedBy,
                               Caller actor) {
        return tenants.write(id, tx -> {
            TenantDao dao = tx.dao(TenantDao.class);
            Tenant before = dao.lockById(id.value()).orElseThrow(() -> DomainException.notFound("Tenant"));
            TenantDefinition current = TenantDefinition.of(before);
            ObjectNode merged = (ObjectNode) current.toJson();
            JsonNode fromFile = file.toJson();
            for (String pointer : ownedFields) {
                String parent = pointer.substring(0, pointer.lastIndexOf('/'));
                String field = pointer.substring(pointer.lastIndexOf('/') + 1);
                ObjectNode target = parent.isEmpty() ? merged : (ObjectNode) merged.at(parent);
                JsonNode value = fromFile.at(pointer);
                if (value.isMissingNode()) {
                    target.remove(field);
                } else {
                    target.set(field, value);
                }
            }
            TenantDefinition definition = TenantDefinition.parse(merged);
            boolean managedChanged = !managedBy.equals(before.managedBy())
                    || !ownedFields.equals(before.managedFields());
            if (definition.equals(current) && !managedChanged) {
                return false;
            }
            if (!definition.equals(current)) {
                dao.update(id.value(), definition.name(), definition.country(), definition.currency(),
                        stored(definition.settings()), clock.instant());
            }
            if (managedChanged) {
                dao.setManaged(id.value(), managedBy, ownedFields.toArray(String[]::new), clock.instant());
            }
            Tenant after = dao.byId(id.value()).orElseThrow();
            audit.append(tx, new AuditEvent(actor.actorType(), actor.actorId(), "tenant", id.toString(),
                    "tenant.updated", before, after));
            return true;
        });
    }

    /** The tenant's file is gone: the admin console owns all of the tenant from now on. */
    public void releaseConfig(TenantId id, Caller actor) {
        tenants.write(id, tx -> {
            TenantDao dao = tx.dao(TenantDao.class);
            Tenant before = dao.lockById(id.value()).orElseThrow(() -> DomainException.notFound("Tenant"));
            if (before.managedBy() != null) {
                dao.setManaged(id.value(), null, new String[0], clock.instant());
                audit.append(tx, new AuditEvent(actor.actorType(), actor.actorId(), "tenant", id.toString(),
                        "tenant.updated", before, dao.byId(id.value()).orElseThrow()));
            }
            return null;
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
            Tenant before = dao.lockById(id.value()).orElseThrow(() -> DomainException.notFound("Tenant"));
            if (before.status() == TenantStatus.OFFBOARDED) {
                throw DomainException.conflict("tenant-offboarded", "An offboarded tenant cannot change status");
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

    private static TenantSettings stored(TenantSettings settings) {
        return settings == null ? TenantSettings.defaults() : settings;
    }
}
