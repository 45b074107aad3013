package io.billingnow.platform.identity.sessions;

import io.billingnow.platform.core.tx.PlatformTransactions;
import java.util.List;
import java.util.UUID;

/** The businesses a signed-in person belongs to: what {@code GET /v1/me} lists, for other callers (the web app). */
public final class PersonMemberships {

    private PersonMemberships() {
    }

    public static List<MeResource.Membership> of(PlatformTransactions platform, UUID user) {
        return platform.withDao(MeDao.class, dao -> dao.memberships(user));
    }
}
