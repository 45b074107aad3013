package io.billingnow.platform.identity.users;

import io.billingnow.platform.core.tx.PlatformTransactions;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * People and their provider identities. An identity maps to exactly one person; a new (issuer, subject) always makes
 * a new person, even when the email matches someone else's: accounts are never merged by email.
 */
public final class UserAccounts {

    private final PlatformTransactions platform;
    private final Clock clock;

    public UserAccounts(PlatformTransactions platform, Clock clock) {
        this.platform = platform;
        this.clock = clock;
    }

    public record User(UUID id, String email, boolean emailVerified, String displayName) {
    }

    /** The person behind this identity, created at their first sign-in; a verified email refreshes the stored one. */
    /** Who vouches for a user: one identity provider's (issuer, subject) pair. */
    public record ProviderIdentity(String issuer, String subject) {
    }

    public UUID signIn(Identity identity) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        boolean verified = identity.emailVerified() && identity.email() != null;
        return platform.withDao(UserDao.class, dao -> {
            Optional<UUID> existing = dao.userOf(identity.issuer(), identity.subject());
            if (existing.isPresent()) {
                dao.signedIn(existing.get(), identity.email(), verified, identity.displayName(), now);
                return existing.get();
            }
            UUID id = UUID.randomUUID();
            dao.insert(id, identity.email(), verified, identity.displayName(), now);
            dao.insertIdentity(identity.issuer(), identity.subject(), id, now);
            return id;
        });
    }

    /** The identity providers' (issuer, subject) pairs of a user, e.g. to match an operator allow-list. */
    public static List<ProviderIdentity> identities(PlatformTransactions platform, UUID user) {
        return platform.withDao(UserDao.class, dao -> dao.identities(user));
    }

    public Optional<User> find(UUID id) {
        return platform.withDao(UserDao.class, dao -> dao.find(id));
    }
}
