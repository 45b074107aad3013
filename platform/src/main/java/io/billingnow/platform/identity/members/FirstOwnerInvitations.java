package io.billingnow.platform.identity.members;

import io.billingnow.platform.tenancy.Tenants;
import io.billingnow.platform.core.errors.DomainException;
import io.billingnow.platform.identity.auth.OperatorCaller;
import io.billingnow.platform.identity.auth.Role;
import io.billingnow.platform.tenancy.Tenant;
import io.billingnow.platform.core.TenantStatus;
import io.billingnow.platform.core.tx.TenantHandle;

/**
 * The operator's path to a new tenant's first owner: an invitation by email address, accepted by the person who signs
 * in with that address verified ({@code /v1/me/invitations}). The operator gets no token and no tenant secret; and
 * only while the tenant has no owner, so an operator cannot make themselves owner of a business that already has one.
 */
public final class FirstOwnerInvitations {

    private final Invitations invitations;

    public FirstOwnerInvitations(Invitations invitations) {
        this.invitations = invitations;
    }

    /** In the transaction of the tenant to be given an owner, which the caller opens. */
    public MemberService.Invitation invite(TenantHandle tx, OperatorCaller operator, String email) {
        String address = Invitations.address(email);
        {
            Tenant tenant = Tenants.lock(tx, tx.tenant())
                    .orElseThrow(() -> DomainException.notFound("Tenant"));
            if (tenant.status() != TenantStatus.ACTIVE) {
                throw DomainException.conflict("tenant-not-active", "Tenant " + tenant.slug() + " is "
                        + tenant.status().wireName() + "; only an active tenant can be given an owner");
            }
            if (tx.dao(MembershipDao.class).hasOwner(tx.tenant())) {
                throw DomainException.conflict("tenant-has-owner", "Tenant " + tenant.slug() + " already has an owner;"
                        + " its owners invite further members themselves");
            }
            return invitations.create(tx, operator, address, Role.OWNER);
        }
    }
}
