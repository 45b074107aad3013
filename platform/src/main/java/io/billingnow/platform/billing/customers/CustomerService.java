package io.billingnow.platform.billing.customers;

import io.billingnow.platform.tenancy.Languages;
import io.billingnow.platform.core.errors.DomainException;
import com.fasterxml.jackson.databind.JsonNode;
import io.billingnow.platform.audit.AuditEvent;
import io.billingnow.platform.audit.AuditLog;
import io.billingnow.platform.identity.auth.Caller;
import io.billingnow.platform.identity.auth.Permission;
import io.billingnow.platform.identity.auth.Role;
import io.billingnow.platform.core.tx.TenantHandle;
import io.billingnow.platform.core.paging.Cursor;
import io.billingnow.platform.json.MergePatch;
import io.billingnow.platform.core.paging.Page;
import io.billingnow.platform.keys.EncryptedColumns;
import io.billingnow.platform.keys.FieldContext;
import io.billingnow.platform.keys.FieldSealer;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntConsumer;

/** Creates, changes and finds a tenant's customers. */
public final class CustomerService {

    private static final String MASK = "****";

    private final FieldSealer sealer;
    private final AuditLog audit;
    private final Clock clock;

    public CustomerService(FieldSealer sealer, AuditLog audit, Clock clock) {
        this.sealer = sealer;
        this.audit = audit;
        this.clock = clock;
    }

    public Customer create(TenantHandle tx, CustomerFields fields, Caller actor) {
        requireSpokenLanguage(fields);
        UUID id = UUID.randomUUID();
        String taxId = blankToNull(fields.taxId());
        if (taxId != null && isMasked(taxId)) {
            throw DomainException.invalid("/taxId", "a new customer needs the full tax id, not a masked one");
        }
        Customer created = toCustomer(tx.dao(CustomerDao.class).insert(tx.tenant(), id, fields.name(),
                fields.email(), fields.address(), fields.country(), encryptTaxId(tx, id, taxId),
                hint(taxId), fields.preferredCurrency(), fields.preferredLanguage(), fields.metadata(),
                clock.instant()));
        audit.append(tx, new AuditEvent(actor.actorType(), actor.actorId(), "customer", id.toString(),
                "customer.created", null, created));
        return created;
    }

    /**
     * Applies a JSON merge patch to a customer; {@code precondition} sees the locked current version (If-Match) and
     * may refuse. Fields the patch leaves out keep their values. The tax id changes only when the patch names it: its
     * masked value as a response showed it keeps it (a GET → PATCH round trip loses nothing), {@code null} or
     * {@code ""} erases it, a full value replaces it.
     */
    public Customer update(TenantHandle tx, UUID id, IntConsumer precondition, JsonNode patch, Caller actor) {
        CustomerDao dao = tx.dao(CustomerDao.class);
        Customer before = dao.lock(tx.tenant(), id).map(this::toCustomer)
                .orElseThrow(() -> DomainException.notFound("Customer"));
        precondition.accept(before.version());
        CustomerFields current = new CustomerFields(before.name(), before.email(), before.address(), before.country(),
                null, before.preferredCurrency(), before.preferredLanguage(), before.metadata());
        CustomerFields fields = MergePatch.applyTo(current, patch, CustomerFields.class);
        requireSpokenLanguage(fields);
        JsonNode sent = patch.get("taxId");
        String sentTaxId = sent == null ? null : sent.isNull() ? "" : fields.taxId();
        boolean keepTaxId = keepsTaxId(sentTaxId, before.taxId());
        String taxId = keepTaxId ? null : blankToNull(sentTaxId);
        int updated = dao.update(tx.tenant(), id, before.version(), fields.name(), fields.email(),
                fields.address(), fields.country(), keepTaxId, encryptTaxId(tx, id, taxId), hint(taxId),
                fields.preferredCurrency(), fields.preferredLanguage(), fields.metadata(), clock.instant());
        if (updated == 0) {
            throw DomainException.preconditionFailed("The customer has changed since it was read");
        }
        Customer after = get(tx, id);
        audit.append(tx, new AuditEvent(actor.actorType(), actor.actorId(), "customer", id.toString(),
                "customer.updated", before, after));
        return after;
    }

    /** Absent, or the masked value of the stored tax id: unchanged. Another masked value cannot be stored. */
    private static boolean keepsTaxId(String sent, String currentMasked) {
        if (sent == null) {
            return true;
        }
        if (!isMasked(sent)) {
            return false;
        }
        if (sent.equals(currentMasked)) {
            return true;
        }
        throw DomainException.invalid("/taxId",
                "a masked tax id can only be sent back unchanged; send the full tax id to change it");
    }

    private static String blankToNull(String taxId) {
        return taxId == null || taxId.isEmpty() ? null : taxId;
    }

    private static boolean isMasked(String taxId) {
        return taxId.startsWith(MASK);
    }

    public Customer get(TenantHandle tx, UUID id) {
        return tx.dao(CustomerDao.class).find(tx.tenant(), id).map(this::toCustomer)
                .orElseThrow(() -> DomainException.notFound("Customer"));
    }

    public Page<Customer> list(TenantHandle tx, String email, String cursor, Integer limit) {
        int size = Cursor.limit(limit);
        Cursor after = Cursor.decode(cursor);
        List<Customer> rows = tx.dao(CustomerDao.class)
                .page(tx.tenant(), email, after.createdAt(), after.id(), size + 1)
                .stream().map(this::toCustomer).toList();
        return Page.of(rows, size, Customer::createdAt, Customer::id);
    }

    /** The shape is the field's constraint; which languages exist is BillingNow's one list ({@link Languages}). */
    private static void requireSpokenLanguage(CustomerFields fields) {
        if (fields.preferredLanguage() != null && !Languages.isSupported(fields.preferredLanguage())) {
            throw DomainException.invalid("/preferredLanguage", "one of " + String.join(", ", Languages.SUPPORTED));
        }
    }

    Customer toCustomer(CustomerDao.Row row) {
        // API responses, lists and audit entries show only the masked tax id; the full value stays encrypted.
        String maskedTaxId = row.taxIdHint() == null ? null : MASK + row.taxIdHint();
        return new Customer(row.id(), row.name(), row.email(), row.address(), row.country(),
                maskedTaxId, row.preferredCurrency(), row.preferredLanguage(), row.metadata(), row.createdAt(),
                row.updatedAt(), row.version());
    }

    /**
     * The customer with its full tax id, for a caller whose role may see tax data ({@link Permission#TAX_IDS_READ});
     * anyone else, lists and the audit trail see the masked value.
     */
    public Customer revealedTo(TenantHandle tx, Customer customer, Role role) {
        if (customer.taxId() == null || !role.allows(Permission.TAX_IDS_READ)) {
            return customer;
        }
        return customer.withTaxId(revealTaxId(tx, customer.id()).orElse(null));
    }

    /** The full tax id, decrypted: for documents that must print it and callers allowed to see it, never logs. */
    public Optional<String> revealTaxId(TenantHandle tx, UUID id) {
        return tx.dao(CustomerDao.class).encryptedTaxId(tx.tenant(), id)
                .map(ciphertext -> sealer.decryptString(taxIdField(tx, id), ciphertext));
    }

    private byte[] encryptTaxId(TenantHandle tx, UUID id, String taxId) {
        return taxId == null ? null : sealer.encryptString(taxIdField(tx, id), taxId);
    }

    private static FieldContext taxIdField(TenantHandle tx, UUID id) {
        return EncryptedColumns.CUSTOMER_TAX_ID.field(tx.tenant(), id.toString());
    }

    private static String hint(String taxId) {
        return taxId == null ? null : taxId.substring(Math.max(0, taxId.length() - 4));
    }
}
