package io.billingnow.platform.customers;

import com.fasterxml.jackson.core.type.TypeReference;
import io.billingnow.platform.audit.AuditEvent;
import io.billingnow.platform.audit.AuditLog;
import io.billingnow.platform.auth.Caller;
import io.billingnow.platform.db.JsonColumns;
import io.billingnow.platform.db.TenantHandle;
import io.billingnow.platform.http.ApiException;
import io.billingnow.platform.http.Cursor;
import io.billingnow.platform.http.Page;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntConsumer;

/** Creates, changes and finds a tenant's customers. */
public final class CustomerService {

    private static final TypeReference<Map<String, String>> METADATA = new TypeReference<>() {
    };

    private final AuditLog audit;
    private final JsonColumns json;
    private final Clock clock;

    public CustomerService(AuditLog audit, JsonColumns json, Clock clock) {
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    public Customer create(TenantHandle tx, CustomerFields fields, Caller actor) {
        UUID id = UUID.randomUUID();
        tx.dao(CustomerDao.class).insert(tx.tenant(), id, fields.name(), fields.email(), json.write(fields.address()),
                fields.country(), fields.taxId(), fields.preferredCurrency(), json.write(fields.metadata()),
                clock.instant());
        Customer created = get(tx, id);
        audit.append(tx, new AuditEvent(actor.actorType(), actor.actorId(), "customer", id.toString(),
                "customer.created", null, masked(created)));
        return created;
    }

    /** Replaces a customer; {@code precondition} sees the locked current version (If-Match) and may refuse. */
    public Customer replace(TenantHandle tx, UUID id, IntConsumer precondition, CustomerFields fields, Caller actor) {
        Customer before = tx.dao(CustomerDao.class).lock(tx.tenant(), id).map(this::toCustomer)
                .orElseThrow(() -> ApiException.notFound("Customer"));
        precondition.accept(before.version());
        int updated = tx.dao(CustomerDao.class).update(tx.tenant(), id, before.version(), fields.name(),
                fields.email(), json.write(fields.address()), fields.country(), fields.taxId(),
                fields.preferredCurrency(), json.write(fields.metadata()), clock.instant());
        if (updated == 0) {
            throw ApiException.preconditionFailed("The customer has changed since it was read");
        }
        Customer after = get(tx, id);
        audit.append(tx, new AuditEvent(actor.actorType(), actor.actorId(), "customer", id.toString(),
                "customer.updated", masked(before), masked(after)));
        return after;
    }

    public Customer get(TenantHandle tx, UUID id) {
        return tx.dao(CustomerDao.class).find(tx.tenant(), id).map(this::toCustomer)
                .orElseThrow(() -> ApiException.notFound("Customer"));
    }

    public Page<Customer> list(TenantHandle tx, String email, String cursor, Integer limit) {
        int size = Cursor.limit(limit);
        Cursor after = Cursor.decode(cursor);
        List<Customer> rows = tx.dao(CustomerDao.class)
                .page(tx.tenant(), email, after.createdAt(), after.id(), size + 1)
                .stream().map(this::toCustomer).toList();
        return Page.of(rows, size, Customer::createdAt, Customer::id);
    }

    Customer toCustomer(CustomerDao.Row row) {
        return new Customer(row.id(), row.name(), row.email(), json.read(row.address(), Address.class), row.country(),
                row.taxId(), row.preferredCurrency(), json.read(row.metadata(), METADATA), row.createdAt(),
                row.updatedAt(), row.version());
    }

    /** The audit log keeps that a tax id changed, not the tax id itself. */
    private static Customer masked(Customer c) {
        String taxId = c.taxId() == null ? null : "****" + c.taxId().substring(Math.max(0, c.taxId().length() - 2));
        return new Customer(c.id(), c.name(), c.email(), c.address(), c.country(), taxId, c.preferredCurrency(),
                c.metadata(), c.createdAt(), c.updatedAt(), c.version());
    }
}
