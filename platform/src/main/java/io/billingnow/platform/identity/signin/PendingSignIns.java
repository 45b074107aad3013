package io.billingnow.platform.identity.signin;

import io.billingnow.platform.identity.auth.SecretTokens;
import io.billingnow.platform.core.tx.PlatformTransactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Sign-ins between the redirect to the provider and its callback. Each is bound to the browser that started it by a
 * random cookie (stored hashed), expires after a few minutes and is deleted when its callback arrives, successful or
 * not: a replayed callback finds nothing.
 */
public final class PendingSignIns {

    public static final String COOKIE = "__Host-bn_signin";

    private final PlatformTransactions platform;
    private final Clock clock;
    private final Duration timeout;

    public PendingSignIns(PlatformTransactions platform, Clock clock, Duration timeout) {
        this.platform = platform;
        this.clock = clock;
        this.timeout = timeout;
    }

    public record Pending(String provider, String purpose, String state, String nonce, String codeVerifier,
                          String returnTo) {
    }

    /** Stores the attempt and returns the cookie value that names it. */
    public String start(Pending pending) {
        String handle = SecretTokens.generate("");
        Instant now = clock.instant();
        platform.inTransaction(h -> {
            h.createUpdate("DELETE FROM pending_sign_ins WHERE expires_at < :now").bind("now", now).execute();
            return h.createUpdate("""
                            INSERT INTO pending_sign_ins (id_hash, provider, purpose, state, nonce, code_verifier,
                                                          return_to, created_at, expires_at)
                            VALUES (:hash, :provider, :purpose, :state, :nonce, :verifier, :returnTo, :now, :expires)""")
                    .bind("hash", SecretTokens.hash(handle)).bind("provider", pending.provider())
                    .bind("purpose", pending.purpose()).bind("state", pending.state()).bind("nonce", pending.nonce())
                    .bind("verifier", pending.codeVerifier()).bind("returnTo", pending.returnTo())
                    .bind("now", now).bind("expires", now.plus(timeout))
                    .execute();
        });
        return handle;
    }

    /** Takes the attempt out, once: present only if the cookie names one for this provider that has not expired. */
    public Optional<Pending> consume(String handle, String provider) {
        if (handle == null || handle.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return platform.inTransaction(h -> h.createQuery("""
                        DELETE FROM pending_sign_ins WHERE id_hash = :hash
                        RETURNING provider, purpose, state, nonce, code_verifier, return_to, expires_at""")
                .bind("hash", SecretTokens.hash(handle))
                .map((rs, ctx) -> new Expiring(new Pending(rs.getString("provider"), rs.getString("purpose"),
                        rs.getString("state"), rs.getString("nonce"), rs.getString("code_verifier"),
                        rs.getString("return_to")), rs.getObject("expires_at", OffsetDateTime.class).toInstant()))
                .list())
                .stream()
                .filter(e -> e.expiresAt().isAfter(now) && e.pending().provider().equals(provider))
                .map(Expiring::pending)
                .findFirst();
    }

    private record Expiring(Pending pending, Instant expiresAt) {
    }
}
