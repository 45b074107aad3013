package io.billingnow.platform.identity.users;

import io.billingnow.platform.core.tx.PlatformTransactions;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
    public UUID signIn(Identity identity) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return platform.inTransaction(h -> {
            Optional<UUID> existing = h.createQuery(
                            "SELECT user_id FROM user_identities WHERE issuer = :issuer AND subject = :subject")
                    .bind("issuer", identity.issuer()).bind("subject", identity.subject())
                    .mapTo(UUID.class).findOne();
            if (existing.isPresent()) {
                h.createUpdate("""
                                UPDATE users SET last_sign_in_at = :now,
                                       email = CASE WHEN :verified THEN :email ELSE email END,
                                       email_verified = email_verified OR :verified,
                                       display_name = coalesce(display_name, :name)
                                WHERE id = :id""")
                        .bind("now", now).bind("verified", identity.emailVerified() && identity.email() != null)
                        .bind("email", identity.email()).bind("name", identity.displayName())
                        .bind("id", existing.get()).execute();
                return existing.get();
            }
            UUID id = UUID.randomUUID();
            h.createUpdate("""
                            INSERT INTO users (id, email, email_verified, display_name, created_at, last_sign_in_at)
                            VALUES (:id, :email, :verified, :name, :now, :now)""")
                    .bind("id", id).bind("email", identity.email())
                    .bind("verified", identity.emailVerified() && identity.email() != null)
                    .bind("name", identity.displayName()).bind("now", now).execute();
            h.createUpdate("""
                            INSERT INTO user_identities (issuer, subject, user_id, created_at)
                            VALUES (:issuer, :subject, :id, :now)""")
                    .bind("issuer", identity.issuer()).bind("subject", identity.subject()).bind("id", id)
                    .bind("now", now).execute();
            return id;
        });
    }

    public Optional<User> find(UUID id) {
        return platform.inTransaction(h -> h.createQuery(
                        "SELECT id, email, email_verified, display_name FROM users WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> new User(rs.getObject("id", UUID.class), rs.getString("email"),
                        rs.getBoolean("email_verified"), rs.getString("display_name")))
                .findOne());
    }
}
