package io.billingnow.platform.offboarding;

import io.billingnow.platform.core.TenantId;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The statements that erase an offboarded tenant's plain-text personal data ({@link PersonalDataEraser} says what
 * and why). They span several features' tables because erasure is one rule, applied in one place.
 */
public interface PersonalDataDao {

    @SqlUpdate("DELETE FROM invoices WHERE tenant_id = :tenant AND status = 'draft'")
    void deleteDrafts(@Bind("tenant") TenantId tenant);

    @SqlUpdate("""
            DELETE FROM customers c WHERE c.tenant_id = :tenant
              AND NOT EXISTS (SELECT 1 FROM invoices i WHERE i.tenant_id = c.tenant_id AND i.customer_id = c.id)
              AND NOT EXISTS (SELECT 1 FROM customer_credit_entries e
                              WHERE e.tenant_id = c.tenant_id AND e.customer_id = c.id)""")
    void deleteUnreferencedCustomers(@Bind("tenant") TenantId tenant);

    @SqlUpdate("""
            UPDATE customers SET email = NULL, address = NULL, metadata = '{}'::jsonb,
                   tax_id_encrypted = NULL, tax_id_hint = NULL, updated_at = now(), version = version + 1
            WHERE tenant_id = :tenant""")
    void eraseCustomerContacts(@Bind("tenant") TenantId tenant);

    @SqlUpdate("DELETE FROM invitations WHERE tenant_id = :tenant")
    void deleteInvitations(@Bind("tenant") TenantId tenant);

    @SqlUpdate("DELETE FROM memberships WHERE tenant_id = :tenant")
    void deleteMemberships(@Bind("tenant") TenantId tenant);
}
