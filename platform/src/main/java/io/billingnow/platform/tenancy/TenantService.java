package io.billingnow.platform.tenancy;

import io.billingnow.platform.core.TenantId;
import io.billingnow.platform.core.TenantStatus;
import io.billingnow.platform.core.errors.DomainException;
import io.billingnow.platform.core.errors.FieldError;
import io.billingnow.platform.core.errors.StateConflict;
import io.billingnow.platform.audit.AuditEvent;
import io.billingnow.platform.audit.AuditLog;
import io.billingnow.platform.identity.auth.Caller;
import io.billingnow.platform.core.tx.TenantHandle;
import io.billingnow.platform.json.MergePatch;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Provisioning and lifecycle of tenants. Every operation works in the tenant transaction its caller opened
 * ({@code tenantTx.write(tenant, tx -> tenants.suspend(tx, actor))}), so each change and its audit entry commit
 * together, in the tenant's own log. Reads of the registry, which belongs to no tenant, are {@link Tenants}'.
 */
public final class TenantService {

    private final AuditLog audit;
    private final Clock clock;
    private final List<TenantLifecycleListener> listeners = new CopyOnWriteArrayList<>();

    public TenantService(AuditLog audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    public void addListener(TenantLifecycleListener listener) {
        listeners.add(listener);
    }

    /**
     * Provisions a new tenant whose id is the transaction's: the caller opens the tenant transaction of a fresh id
     * ({@code tenantTx.write(TenantId.random(), tx -> tenants.provision(tx, definition, actor))}), so the tenants row,
     * its audit entry and what the listeners create (its first data key) commit together or not at all.
     */
    public Tenant provision(TenantHandle tx, TenantDefinition definition, Caller actor) {
        return provision(tx, definition, actor, null, List.of());
    }

    /** Provisions a tenant managed by a tenants-config file ({@code managedBy}) that owns {@code ownedFields}. */
    public Tenant provision(TenantHandle tx, TenantDefinition definition, Caller actor, String managedBy,
                            List<String> ownedFields) {
        definition.validate();
        TenantDao dao = tx.dao(TenantDao.class);
        if (dao.bySlug(definition.slug()).isPresent()) {
            throw DomainException.conflict("tenant-exists", "A tenant with this slug already exists");
        }
        TenantId id = tx.tenant();
        try {
            dao.insert(id.value(), definition.slug(), definition.name(), definition.country(), definition.currency(),
                    stored(definition.settings()), managedBy, ownedFields.toArray(String[]::new), clock.instant());
        } catch (org.jdbi.v3.core.statement.UnableToExecuteStatementException e) {
            if (e.getCause() instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                // Lost a race with a concurrent provisioning of the same slug (the transaction rolls back).
                throw DomainException.conflict("tenant-exists", "A tenant with this slug already exists");
            }
            throw e;
        }
        Tenant created = dao.byId(id.value()).orElseThrow();
        audit.append(tx, new AuditEvent(actor.actorType(), actor.actorId(), "tenant", id.toString(),
                "tenant.provisioned", null, created));
        for (TenantLifecycleListener listener : listeners) {
            listener.provisioned(tx, created);
        }
        return created;
    }

    /**
     * Applies a JSON merge patch (RFC 7396) to the tenant's definition, after {@code versionCheck} accepted its
     * current version (read under a row lock), e.g. {@code version -> ETags.requireMatch(ifMatch, version)}. What the
     * patch leaves out keeps its value; the result is validated as a whole ({@link TenantDefinition#parse}).
     */
    public Tenant patch(TenantHandle tx, JsonNode patch, Caller actor, IntConsumer versionCheck) {
        MergePatch.requireObject(patch);
        return change(tx, actor, versionCheck,
                current -> TenantDefinition.parse(MergePatch.apply(current.toJson(), patch)));
    }

    /** Enables or disables one payment provider for the tenant (the rest of its definition is kept). */
    public Tenant enableProvider(TenantHandle tx, String providerId, boolean enabled, Caller actor) {
        return change(tx, actor, version -> { }, current -> {
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
     * Changes the tenant's definition by {@code change} (given the current definition), after {@code versionCheck}
     * accepted the current version, under the same rules as {@link #patch}: validated as a whole, a field owned by a
     * tenants-config file refused (409 {@code tenant-managed-by-config}), audited as {@code action}.
     */
    public Tenant update(TenantHandle tx, Caller actor, String action, IntConsumer versionCheck,
                         UnaryOperator<TenantDefinition> change) {
        return change(tx, actor, action, versionCheck, change);
    }

    private Tenant change(TenantHandle tx, Caller actor, IntConsumer versionCheck,
                          UnaryOperator<TenantDefinition> change) {
        return change(tx, actor, "tenant.updated", versionCheck, change);
    }

    /**
     * Changes the tenant's definition under a row lock. A field its tenants-config file owns cannot be changed by
     * anyone but that file (409 naming the file); a change that changes nothing writes nothing.
     */
    private Tenant change(TenantHandle tx, Caller actor, String action, IntConsumer versionCheck,
                          UnaryOperator<TenantDefinition> change) {
        TenantId id = tx.tenant();
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
                action, before, after));
        return after;
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
    public boolean applyConfig(TenantHandle tx, TenantDefinition file, List<String> ownedFields, String managedBy,
                               Caller actor) {
        TenantId id = tx.tenant();
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
    }

    /** The tenant's file is gone: the admin console owns all of the tenant from now on. */
    public void releaseConfig(TenantHandle tx, Caller actor) {
        TenantId id = tx.tenant();
        TenantDao dao = tx.dao(TenantDao.class);
        Tenant before = dao.lockById(id.value()).orElseThrow(() -> DomainException.notFound("Tenant"));
        if (before.managedBy() != null) {
            dao.setManaged(id.value(), null, new String[0], clock.instant());
            audit.append(tx, new AuditEvent(actor.actorType(), actor.actorId(), "tenant", id.toString(),
                    "tenant.updated", before, dao.byId(id.value()).orElseThrow()));
        }
    }

    public Tenant suspend(TenantHandle tx, Caller actor) {
        return changeStatus(tx, TenantStatus.SUSPENDED, actor, "tenant.suspended");
    }

    public Tenant reactivate(TenantHandle tx, Caller actor) {
        return changeStatus(tx, TenantStatus.ACTIVE, actor, "tenant.reactivated");
    }

    /**
     * Offboarding is final: listeners destroy what must not outlive the tenant (its keys first). {@code confirmation}
     * sees the locked current tenant and throws to refuse (the admin API requires If-Match and the slug typed out).
     */
    public Tenant offboard(TenantHandle tx, Caller actor, Consumer<Tenant> confirmation) {
        return changeStatus(tx, TenantStatus.OFFBOARDED, actor, "tenant.offboarded", confirmation);
    }

    private Tenant changeStatus(TenantHandle tx, TenantStatus status, Caller actor, String action) {
        return changeStatus(tx, status, actor, action, tenant -> { });
    }

    private Tenant changeStatus(TenantHandle tx, TenantStatus status, Caller actor, String action,
                                Consumer<Tenant> precondition) {
        TenantId id = tx.tenant();
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
    }

    private static TenantSettings stored(TenantSettings settings) {
        return settings == null ? TenantSettings.defaults() : settings;
    }
}
