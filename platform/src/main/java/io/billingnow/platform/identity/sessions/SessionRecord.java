package io.billingnow.platform.identity.sessions;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** A session as stored. {@code kind} is {@code user}, or {@code operator}/{@code auditor} for the admin console. */
public record SessionRecord(UUID publicId, UUID userId, String kind, byte[] csrfTokenHash, Instant createdAt,
                            Instant lastSeenAt, Instant absoluteExpiresAt, Instant revokedAt, String userAgent) {

    public boolean activeAt(Instant now, Duration idleTimeout) {
        return revokedAt == null && now.isBefore(absoluteExpiresAt) && now.isBefore(lastSeenAt.plus(idleTimeout));
    }

    SessionRecord seenAt(Instant now) {
        return new SessionRecord(publicId, userId, kind, csrfTokenHash, createdAt, now, absoluteExpiresAt, revokedAt,
                userAgent);
    }
}
