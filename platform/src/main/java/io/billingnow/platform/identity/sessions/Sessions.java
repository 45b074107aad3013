package io.billingnow.platform.identity.sessions;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.billingnow.platform.identity.auth.SecretTokens;
import io.billingnow.platform.core.tx.PlatformTransactions;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Server-side sessions. The database is the truth; each node keeps a short-lived Caffeine copy of the sessions it
 * has seen. A revocation invalidates the copy on the node that performed it at once; other nodes notice when their
 * copy expires ({@code signIn.sessionCacheTtl}, 15 s by default), which bounds how long a revoked cookie can still
 * work elsewhere. Idle time is tracked by writing {@code last_seen_at} at most once per {@link #touchInterval}.
 */
public final class Sessions {

    private static final Duration RETENTION = Duration.ofDays(7);

    private final PlatformTransactions platform;
    private final SessionCookie cookies;
    private final Clock clock;
    private final Duration idleTimeout;
    private final Duration absoluteLifetime;
    private final Duration touchInterval;
    private final Cache<String, Optional<SessionRecord>> cache;

    public Sessions(PlatformTransactions platform, SessionCookie cookies, Clock clock, Duration idleTimeout,
                    Duration absoluteLifetime, Duration cacheTtl) {
        this.platform = platform;
        this.cookies = cookies;
        this.clock = clock;
        this.idleTimeout = idleTimeout;
        this.absoluteLifetime = absoluteLifetime;
        Duration tenth = idleTimeout.dividedBy(10);
        this.touchInterval = tenth.compareTo(Duration.ofMinutes(1)) < 0 ? tenth : Duration.ofMinutes(1);
        // The cache ages on the platform clock, like everything else about sessions.
        this.cache = Caffeine.newBuilder().expireAfterWrite(cacheTtl).maximumSize(100_000)
                .ticker(() -> {
                    Instant now = clock.instant();
                    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
                })
                .build();
    }

    /** A fresh session: what the browser gets (cookie value, CSRF token) and what is stored. */
    public record Issued(String cookieValue, String csrfToken, SessionRecord record) {
    }

    /** A valid session presented by a request. */
    public record Active(SessionRecord record) {
        public UUID userId() {
            return record.userId();
        }

        public boolean csrfTokenMatches(String presented) {
            return presented != null && presented.length() <= 100
                    && MessageDigest.isEqual(SecretTokens.hash(presented), record.csrfTokenHash());
        }
    }

    /** Always a new id: a session that existed before sign-in is never promoted (no fixation). */
    public Issued create(UUID userId, String kind, String userAgent) {
        byte[] id = SessionCookie.newId();
        String csrf = SecretTokens.generate("");
        Instant now = now();
        SessionRecord record = new SessionRecord(UUID.randomUUID(), userId, kind, SecretTokens.hash(csrf), now, now,
                now.plus(absoluteLifetime), null, truncate(userAgent));
        platform.withDao(SessionDao.class, dao -> {
            // Ended sessions are kept a week for the record, then dropped; sign-in is a good moment to tidy up.
            dao.deleteEndedBefore(now.minus(RETENTION));
            dao.insert(hash(id), record);
            return null;
        });
        return new Issued(cookies.encode(id), csrf, record);
    }

    /** The active session a cookie value names, if its signature holds and it has neither expired nor been revoked. */
    public Optional<Active> authenticate(String cookieValue) {
        Optional<byte[]> id = cookies.decode(cookieValue);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        byte[] hash = hash(id.get());
        String key = HexFormat.of().formatHex(hash);
        Optional<SessionRecord> found = cache.get(key, k -> load(hash));
        Instant now = now();
        if (found.isEmpty() || !found.get().activeAt(now, idleTimeout)) {
            return Optional.empty();
        }
        SessionRecord record = found.get();
        if (!now.isBefore(record.lastSeenAt().plus(touchInterval))) {
            record = record.seenAt(now);
            platform.withDao(SessionDao.class, dao -> {
                dao.seen(hash, now);
                return null;
            });
            cache.put(key, Optional.of(record));
        }
        return Optional.of(new Active(record));
    }

    public List<SessionRecord> activeSessionsOf(UUID userId) {
        Instant now = now();
        return platform.withDao(SessionDao.class, dao -> dao.activeOf(userId, now, now.minus(idleTimeout)));
    }

    /** Ends one of the user's own sessions; false if it is not theirs or already ended. */
    public boolean revoke(UUID userId, UUID publicId) {
        List<byte[]> hashes = platform.withDao(SessionDao.class, dao -> dao.revoke(userId, publicId, now()));
        invalidate(hashes);
        return !hashes.isEmpty();
    }

    /** Signs the user out everywhere: every session of theirs, user and console alike. */
    public int revokeAll(UUID userId) {
        List<byte[]> hashes = platform.withDao(SessionDao.class, dao -> dao.revokeAll(userId, now()));
        invalidate(hashes);
        return hashes.size();
    }

    /** Ends the session a cookie names (sign-out), whatever state it is in. */
    public void revokeByCookie(String cookieValue) {
        cookies.decode(cookieValue).ifPresent(id -> {
            byte[] hash = hash(id);
            platform.withDao(SessionDao.class, dao -> {
                dao.revokeByHash(hash, now());
                return null;
            });
            invalidate(List.of(hash));
        });
    }

    public Duration absoluteLifetime() {
        return absoluteLifetime;
    }

    private Optional<SessionRecord> load(byte[] hash) {
        return platform.withDao(SessionDao.class, dao -> dao.find(hash));
    }

    private void invalidate(List<byte[]> hashes) {
        for (byte[] hash : hashes) {
            cache.invalidate(HexFormat.of().formatHex(hash));
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static byte[] hash(byte[] id) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(id);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String truncate(String userAgent) {
        return userAgent == null ? null : userAgent.substring(0, Math.min(userAgent.length(), 300));
    }
}
