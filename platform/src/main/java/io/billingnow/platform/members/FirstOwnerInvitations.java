package io.billingnow.platform.members;

import io.billingnow.platform.auth.OperatorCaller;
import io.billingnow.platform.auth.Role;
import io.billingnow.platform.db.TenantHandle;
import io.billingnow.platform.http.ApiException;
import io.billingnow.platform.tenancy.Tenant;
import io.billingnow.platform.tenancy.TenantDao;
import io.billingnow.platform.tenancy.TenantStatus;

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
            Tenant tenant = tx.dao(TenantDao.class).lockById(tx.tenant().value())
                    .orElseThrow(() -> ApiException.notFound("Tenant"));
            if (tenant.status() != TenantStatus.ACTIVE) {
                throw ApiException.conflict("tenant-not-active", "Tenant " + tenant.slug() + " is "
                        + tenant.status().wireName() + "; only an active tenant can be given an owner");
            }
            if (tx.dao(MembershipDao.class).hasOwner(tx.tenant())) {
                throw ApiException.conflict("tenant-has-owner", "Tenant " + tenant.slug() + " already has an owner;"
                        + " its owners invite further members themselves");
            }
            return invitations.create(tx, operator, address, Role.OWNER);
        }
    }
}
