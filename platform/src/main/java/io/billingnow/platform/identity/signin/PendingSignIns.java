package io.billingnow.platform.identity.signin;

import io.billingnow.platform.identity.auth.SecretTokens;
import io.billingnow.platform.core.tx.PlatformTransactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
        platform.withDao(PendingSignInDao.class, dao -> {
            dao.deleteExpired(now);
            dao.insert(SecretTokens.hash(handle), pending, now, now.plus(timeout));
            return null;
        });
        return handle;
    }

    /** Takes the attempt out, once: present only if the cookie names one for this provider that has not expired. */
    public Optional<Pending> consume(String handle, String provider) {
        if (handle == null || handle.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return platform.withDao(PendingSignInDao.class, dao -> dao.take(SecretTokens.hash(handle))).stream()
                .filter(row -> row.expiresAt().isAfter(now) && row.provider().equals(provider))
                .map(PendingSignInDao.Row::pending)
                .findFirst();
    }
}
