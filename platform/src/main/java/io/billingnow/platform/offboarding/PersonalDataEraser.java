package io.billingnow.platform.offboarding;

import io.billingnow.platform.core.tx.TenantHandle;
import io.billingnow.platform.tenancy.Tenant;
import io.billingnow.platform.tenancy.TenantLifecycleListener;

/**
 * What offboarding does to the plain-text personal data of a tenant (docs/security.md, "Offboarding"). Issued
 * documents are kept for the retention period the law sets for invoices (8–10 years): finalized invoices with the
 * buyer's name and address as issued, credit notes, payments and the audit trail stay, read-only, reachable by no
 * one but an operator's export. Everything else that names a person and no retention rule needs is erased here,
 * in the offboarding transaction: drafts (never issued), customers that no retained document refers to, the
 * contact details of the others (email, address, metadata; their tax id is encrypted and shredded with the keys
 * anyway), pending invitations (email addresses) and memberships.
 */
public final class PersonalDataEraser implements TenantLifecycleListener {

    @Override
    public void offboarded(TenantHandle tx, Tenant tenant) {
        var h = tx.handle();
        h.createUpdate("DELETE FROM invoices WHERE tenant_id = :tenant AND status = 'draft'")
                .bind("tenant", tx.tenant()).execute();
        h.createUpdate("""
                        DELETE FROM customers c WHERE c.tenant_id = :tenant
                          AND NOT EXISTS (SELECT 1 FROM invoices i
                                          WHERE i.tenant_id = c.tenant_id AND i.customer_id = c.id)
                          AND NOT EXISTS (SELECT 1 FROM customer_credit_entries e
                                          WHERE e.tenant_id = c.tenant_id AND e.customer_id = c.id)""")
                .bind("tenant", tx.tenant()).execute();
        h.createUpdate("""
                        UPDATE customers SET email = NULL, address = NULL, metadata = '{}'::jsonb,
                               tax_id_encrypted = NULL, tax_id_hint = NULL, updated_at = now(), version = version + 1
                        WHERE tenant_id = :tenant""")
                .bind("tenant", tx.tenant()).execute();
        h.createUpdate("DELETE FROM invitations WHERE tenant_id = :tenant").bind("tenant", tx.tenant()).execute();
        h.createUpdate("DELETE FROM memberships WHERE tenant_id = :tenant").bind("tenant", tx.tenant()).execute();
    }
}
