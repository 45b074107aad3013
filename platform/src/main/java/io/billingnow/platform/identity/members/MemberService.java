package io.billingnow.platform.identity.members;

import io.billingnow.platform.core.errors.DomainException;
import io.billingnow.platform.core.errors.NotFound;
import io.billingnow.platform.core.errors.NotPermitted;
import io.billingnow.platform.audit.AuditEvent;
import io.billingnow.platform.audit.AuditLog;
import io.billingnow.platform.identity.auth.Role;
import io.billingnow.platform.identity.auth.TenantCaller;
import io.billingnow.platform.core.tx.PlatformTransactions;
import io.billingnow.platform.core.tx.TenantHandle;
import io.billingnow.platform.core.tx.TenantTransactions;
import io.billingnow.platform.protection.monitoring.SecurityEvent;
import io.billingnow.platform.protection.monitoring.SecurityEventKind;
import io.billingnow.platform.protection.monitoring.SecurityEvents;
import io.billingnow.platform.identity.sessions.Sessions;
import io.billingnow.platform.core.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Memberships and invitations. Rules: only an owner may make or unmake an owner; the last owner can be neither
 * removed nor demoted; a changed role or a removed member ends that person's sessions (their next request
 * authenticates afresh against the new membership).
 */
public final class MemberService {

    private final TenantTransactions tenants;
    private final PlatformTransactions platform;
    private final Sessions sessions;
    private final InvitationTokens tokens;
    private final AuditLog audit;
    private final Clock clock;
    private final Invitations invitations;
    private final SecurityEvents events;

    public MemberService(TenantTransactions tenants, PlatformTransactions platform, Sessions sessions,
                         InvitationTokens tokens, AuditLog audit, Clock clock, Duration invitationLifetime,
                         SecurityEvents events) {
        this.tenants = tenants;
        this.platform = platform;
        this.sessions = sessions;
        this.tokens = tokens;
        this.audit = audit;
        this.clock = clock;
        this.invitations = new Invitations(audit, clock, invitationLifetime);
        this.events = events;
    }

    public record Invitation(UUID id, String email, String role, Instant expiresAt) {
    }

    public record IssuedInvitation(Invitation invitation, String token) {
    }

    public List<Member> list(TenantId tenant) {
        return tenants.read(tenant, tx -> tx.dao(MembershipDao.class).list(tx.tenant()));
    }

    public Member changeRole(TenantCaller caller, UUID user, Role role) {
        Member after = tenants.write(caller.tenant(), tx -> {
            MembershipDao dao = tx.dao(MembershipDao.class);
            List<UUID> owners = dao.lockOwners(tx.tenant());
            Member before = dao.find(tx.tenant(), user).orElseThrow(() -> DomainException.notFound("Member"));
            Role current = Role.fromWireName(before.role());
            if ((current == Role.OWNER || role == Role.OWNER) && caller.role() != Role.OWNER) {
                throw DomainException.forbidden("Only an owner can make or unmake an owner");
            }
            if (current == Role.OWNER && role != Role.OWNER && owners.size() == 1) {
                throw DomainException.conflict("last-owner", "A tenant needs an owner: make someone else owner first");
            }
            dao.setRole(tx.tenant(), user, role.wireName(), now());
            Member changed = dao.find(tx.tenant(), user).orElseThrow();
            audit.append(tx, new AuditEvent(caller.actorType(), caller.actorId(), "member", user.toString(),
                    "member.role_changed", before, changed));
            return changed;
        });
        endSessions(user, "role changed");
        return after;
    }

    public void remove(TenantCaller caller, UUID user) {
        tenants.write(caller.tenant(), tx -> {
            MembershipDao dao = tx.dao(MembershipDao.class);
            List<UUID> owners = dao.lockOwners(tx.tenant());
            Member before = dao.find(tx.tenant(), user).orElseThrow(() -> DomainException.notFound("Member"));
            if (Role.OWNER.wireName().equals(before.role())) {
                if (caller.role() != Role.OWNER) {
                    throw DomainException.forbidden("Only an owner can remove an owner");
                }
                if (owners.size() == 1) {
                    throw DomainException.conflict("last-owner", "The last owner of a tenant cannot be removed");
                }
            }
            dao.delete(tx.tenant(), user);
            audit.append(tx, new AuditEvent(caller.actorType(), caller.actorId(), "member", user.toString(),
                    "member.removed", before, null));
            return null;
        });
        endSessions(user, "removed from a tenant");
    }

    public IssuedInvitation invite(TenantCaller caller, String email, Role role) {
        if (role == Role.OWNER && caller.role() != Role.OWNER) {
            throw DomainException.forbidden("Only an owner can invite an owner");
        }
        Invitation invitation = tenants.write(caller.tenant(), tx -> invitations.create(tx, caller, email, role));
        return new IssuedInvitation(invitation, tokens.issue(caller.tenant(), invitation.id(),
                invitation.expiresAt()));
    }

    /** Invitations still open: neither accepted, revoked nor expired. */
    public List<Invitation> openInvitations(TenantId tenant) {
        return tenants.read(tenant, tx -> tx.handle().createQuery("""
                        SELECT id, email, role, expires_at FROM invitations
                        WHERE tenant_id = :tenant AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > :now
                        ORDER BY created_at, id""")
                .bind("tenant", tx.tenant()).bind("now", now())
                .map((rs, ctx) -> new Invitation(rs.getObject("id", UUID.class), rs.getString("email"),
                        rs.getString("role"), rs.getObject("expires_at", OffsetDateTime.class).toInstant()))
                .list());
    }

    public void revokeInvitation(TenantCaller caller, UUID invitation) {
        tenants.write(caller.tenant(), tx -> {
            int revoked = tx.handle().createUpdate("""
                            UPDATE invitations SET revoked_at = :now
                            WHERE tenant_id = :tenant AND id = :id AND accepted_at IS NULL AND revoked_at IS NULL""")
                    .bind("now", now()).bind("tenant", tx.tenant()).bind("id", invitation).execute();
            if (revoked == 0) {
                throw DomainException.notFound("Open invitation");
            }
            audit.append(tx, new AuditEvent(caller.actorType(), caller.actorId(), "invitation", invitation.toString(),
                    "invitation.revoked", null, null));
            return null;
        });
    }

    /**
     * Accepts an invitation for the signed-in person, whose email the identity provider must have verified and which
     * must be the address invited. Every refusal looks the same, so a token reveals nothing about the invitation.
     */
    public Member accept(String token, UUID user, String verifiedEmail) {
        InvitationTokens.Claims claims = tokens.verify(token).orElseThrow(MemberService::unusable);
        requireVerified(verifiedEmail);
        return tenants.write(claims.tenant(), tx -> acceptInTenant(tx, claims.invitation(), user, verifiedEmail));
    }

    /** An open invitation addressed to the signed-in person, with the tenant it is for. */
    public record OpenInvitation(UUID id, InvitingTenant tenant, String role, Instant expiresAt) {
    }

    public record InvitingTenant(UUID id, String slug, String name) {
    }

    /**
     * The open invitations addressed to a verified email, across tenants (before the person belongs to any); none for
     * an address the identity provider did not verify.
     */
    public List<OpenInvitation> openInvitationsFor(String verifiedEmail) {
        if (verifiedEmail == null) {
            return List.of();
        }
        return platform.inTransaction(h -> h.createQuery("""
                        SELECT i.id, i.role, i.expires_at, t.id AS tenant_id, t.slug, t.name
                        FROM billingnow_open_invitations_for_email(:email, :now) i
                        JOIN tenants t ON t.id = i.tenant_id WHERE t.status = 'active'
                        ORDER BY i.expires_at, i.id""")
                .bind("email", verifiedEmail).bind("now", now())
                .map((rs, ctx) -> new OpenInvitation(rs.getObject("id", UUID.class),
                        new InvitingTenant(rs.getObject("tenant_id", UUID.class), rs.getString("slug"),
                                rs.getString("name")),
                        rs.getString("role"), rs.getObject("expires_at", OffsetDateTime.class).toInstant()))
                .list());
    }

    /**
     * Accepts by id one of {@link #openInvitationsFor}: the way an invitation without a token (an operator's) is
     * accepted. The same checks as with a token, in the same place.
     */
    public Member acceptById(UUID invitation, UUID user, String verifiedEmail) {
        requireVerified(verifiedEmail);
        UUID tenant = openInvitationsFor(verifiedEmail).stream().filter(i -> i.id().equals(invitation))
                .map(i -> i.tenant().id()).findFirst().orElseThrow(MemberService::unusable);
        return tenants.write(new TenantId(tenant), tx -> acceptInTenant(tx, invitation, user, verifiedEmail));
    }

    private static void requireVerified(String verifiedEmail) {
        if (verifiedEmail == null) {
            throw new NotPermitted("email-not-verified", "Forbidden",
                    "Accepting an invitation needs an email address verified by your identity provider");
        }
    }

    private Member acceptInTenant(TenantHandle tx, UUID invitation, UUID user, String verifiedEmail) {
        Map<String, Object> row = tx.handle().createQuery("""
                        SELECT email, role, expires_at, accepted_at, revoked_at FROM invitations
                        WHERE tenant_id = :tenant AND id = :id FOR UPDATE""")
                .bind("tenant", tx.tenant()).bind("id", invitation)
                .mapToMap().findOne().orElseThrow(MemberService::unusable);
        Object expiresAt = row.get("expires_at");
        Instant expires = expiresAt instanceof java.sql.Timestamp ts ? ts.toInstant()
                : ((OffsetDateTime) expiresAt).toInstant();
        if (row.get("accepted_at") != null || row.get("revoked_at") != null || !expires.isAfter(clock.instant())
                || !((String) row.get("email")).equalsIgnoreCase(verifiedEmail)) {
            throw unusable();
        }
        MembershipDao dao = tx.dao(MembershipDao.class);
        if (dao.insert(tx.tenant(), user, (String) row.get("role"), now()) == 0) {
            throw DomainException.conflict("already-member", "You are already a member of this tenant");
        }
        tx.handle().createUpdate("""
                        UPDATE invitations SET accepted_at = :now, accepted_by = :user
                        WHERE tenant_id = :tenant AND id = :id""")
                .bind("now", now()).bind("user", user).bind("tenant", tx.tenant())
                .bind("id", invitation).execute();
        Member member = dao.find(tx.tenant(), user).orElseThrow();
        audit.append(tx, new AuditEvent("user", user.toString(), "member", user.toString(),
                "member.joined", null, member));
        return member;
    }

    /** Development sign-in only: the dev user owns every active tenant, so a newcomer can try everything. */
    public void makeOwnerOfEveryActiveTenant(UUID user) {
        List<UUID> active = platform.inTransaction(h -> h.createQuery(
                "SELECT id FROM tenants WHERE status = 'active' ORDER BY slug").mapTo(UUID.class).list());
        for (UUID id : active) {
            tenants.write(new TenantId(id), tx -> {
                if (tx.dao(MembershipDao.class).insert(tx.tenant(), user, Role.OWNER.wireName(), now()) > 0) {
                    Optional<Member> member = tx.dao(MembershipDao.class).find(tx.tenant(), user);
                    audit.append(tx, new AuditEvent("user", user.toString(), "member", user.toString(),
                            "member.dev_login_owner", null, member.orElse(null)));
                }
                return null;
            });
        }
    }

    private void endSessions(UUID user, String why) {
        int ended = sessions.revokeAll(user);
        events.record(new SecurityEvent(SecurityEventKind.SESSIONS_ENDED, null, null, null, "user:" + user,
                ended + " ended: " + why));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static DomainException unusable() {
        return new NotFound("invitation-unusable", "Invitation not usable",
                "This invitation does not exist, has expired, was already used, or was sent to another address");
    }
}
