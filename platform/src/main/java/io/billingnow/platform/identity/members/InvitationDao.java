package io.billingnow.platform.identity.members;

import io.billingnow.platform.core.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Invitations of one tenant; every method takes the tenant, and row-level security enforces it as well. */
public interface InvitationDao {

    /** An invitation as stored, with what decides whether it can still be accepted. */
    record Row(String email, String role, Instant expiresAt, Instant acceptedAt, Instant revokedAt) {

        boolean open(Instant now) {
            return acceptedAt == null && revokedAt == null && expiresAt.isAfter(now);
        }
    }

    @SqlUpdate("""
            INSERT INTO invitations (tenant_id, id, email, role, invited_by, created_at, expires_at)
            VALUES (:tenant, :i.id, :i.email, :i.role, :by, :now, :i.expiresAt)""")
    void insert(@Bind("tenant") TenantId tenant, @BindMethods("i") MemberService.Invitation invitation,
                @Bind("by") String invitedBy, @Bind("now") Instant now);

    /** Invitations still open: neither accepted, revoked nor expired. */
    @SqlQuery("""
            SELECT id, email, role, expires_at FROM invitations
            WHERE tenant_id = :tenant AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > :now
            ORDER BY created_at, id""")
    @RegisterConstructorMapper(MemberService.Invitation.class)
    List<MemberService.Invitation> open(@Bind("tenant") TenantId tenant, @Bind("now") Instant now);

    /** Locks the invitation until the transaction ends: two acceptances cannot both see it open. */
    @SqlQuery("""
            SELECT email, role, expires_at, accepted_at, revoked_at FROM invitations
            WHERE tenant_id = :tenant AND id = :id FOR UPDATE""")
    @RegisterConstructorMapper(Row.class)
    Optional<Row> lock(@Bind("tenant") TenantId tenant, @Bind("id") UUID id);

    @SqlUpdate("""
            UPDATE invitations SET revoked_at = :now
            WHERE tenant_id = :tenant AND id = :id AND accepted_at IS NULL AND revoked_at IS NULL""")
    int revoke(@Bind("tenant") TenantId tenant, @Bind("id") UUID id, @Bind("now") Instant now);

    /** The invitee declined: the invitation ends as a revoked one does, if it was still open and addressed to them. */
    @SqlUpdate("""
            UPDATE invitations SET revoked_at = :now
            WHERE tenant_id = :tenant AND id = :id AND lower(email) = lower(:email)
              AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > :now""")
    int decline(@Bind("tenant") TenantId tenant, @Bind("id") UUID id, @Bind("email") String email,
                @Bind("now") Instant now);

    @SqlUpdate("""
            UPDATE invitations SET accepted_at = :now, accepted_by = :user
            WHERE tenant_id = :tenant AND id = :id""")
    void accepted(@Bind("tenant") TenantId tenant, @Bind("id") UUID id, @Bind("user") UUID user,
                  @Bind("now") Instant now);
}
