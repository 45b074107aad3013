package io.billingnow.platform.identity.sessions;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The sessions table. A session is found by the hash of its cookie's id ({@code id_hash}), never stored in the clear;
 * the public id is what the person sees in their list of sessions.
 */
@RegisterConstructorMapper(SessionRecord.class)
public interface SessionDao {

    String COLUMNS = "public_id, user_id, kind, csrf_token_hash, created_at, last_seen_at, absolute_expires_at, "
            + "revoked_at, user_agent";

    /** Ended sessions are kept for the record until {@code cutoff}, then dropped. */
    @SqlUpdate("DELETE FROM sessions WHERE absolute_expires_at < :cutoff")
    void deleteEndedBefore(@Bind("cutoff") Instant cutoff);

    @SqlUpdate("""
            INSERT INTO sessions (id_hash, public_id, user_id, kind, csrf_token_hash, created_at, last_seen_at,
                                  absolute_expires_at, user_agent)
            VALUES (:hash, :s.publicId, :s.userId, :s.kind, :s.csrfTokenHash, :s.createdAt, :s.lastSeenAt,
                    :s.absoluteExpiresAt, :s.userAgent)""")
    void insert(@Bind("hash") byte[] hash, @BindMethods("s") SessionRecord session);

    @SqlQuery("SELECT " + COLUMNS + " FROM sessions WHERE id_hash = :hash")
    Optional<SessionRecord> find(@Bind("hash") byte[] hash);

    @SqlQuery("SELECT " + COLUMNS + " FROM sessions"
            + " WHERE user_id = :user AND revoked_at IS NULL AND absolute_expires_at > :now"
            + " AND last_seen_at > :idleSince ORDER BY created_at DESC")
    List<SessionRecord> activeOf(@Bind("user") UUID user, @Bind("now") Instant now,
                                 @Bind("idleSince") Instant idleSince);

    /** Writes only forward, so a slower node cannot move a newer {@code last_seen_at} back. */
    @SqlUpdate("UPDATE sessions SET last_seen_at = :now WHERE id_hash = :hash AND last_seen_at < :now")
    void seen(@Bind("hash") byte[] hash, @Bind("now") Instant now);

    /** Ends one of the user's sessions; the hash of the one ended, none if it is not theirs or already ended. */
    @SqlQuery("""
            UPDATE sessions SET revoked_at = :now
            WHERE user_id = :user AND public_id = :id AND revoked_at IS NULL RETURNING id_hash""")
    List<byte[]> revoke(@Bind("user") UUID user, @Bind("id") UUID publicId, @Bind("now") Instant now);

    @SqlQuery("""
            UPDATE sessions SET revoked_at = :now WHERE user_id = :user AND revoked_at IS NULL
            RETURNING id_hash""")
    List<byte[]> revokeAll(@Bind("user") UUID user, @Bind("now") Instant now);

    @SqlUpdate("UPDATE sessions SET revoked_at = :now WHERE id_hash = :hash AND revoked_at IS NULL")
    void revokeByHash(@Bind("hash") byte[] hash, @Bind("now") Instant now);
}
