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
        PersonalDataDao erase = tx.dao(PersonalDataDao.class);
        erase.deleteDrafts(tx.tenant());
        erase.deleteUnreferencedCustomers(tx.tenant());
        erase.eraseCustomerContacts(tx.tenant());
        erase.deleteInvitations(tx.tenant());
        erase.deleteMemberships(tx.tenant());
    }
}
