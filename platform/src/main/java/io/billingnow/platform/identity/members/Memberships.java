package io.billingnow.platform.identity.members;

import io.billingnow.platform.core.tx.TenantHandle;
import java.util.Optional;
import java.util.UUID;

/** What other features read of memberships; the {@link MembershipDao} stays this package's own. */
public final class Memberships {

    private Memberships() {
    }

    /** The user's role in the transaction's tenant (its wire name), empty when the user is no member. */
    public static Optional<String> role(TenantHandle tx, UUID user) {
        return tx.dao(MembershipDao.class).role(tx.tenant(), user);
    }
}
