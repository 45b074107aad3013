package io.billingnow.platform.identity.members;

import io.billingnow.platform.tenancy.Tenants;
import io.billingnow.platform.core.errors.DomainException;
import io.billingnow.platform.core.errors.NotFound;
import io.billingnow.platform.core.errors.NotPermitted;
import io.billingnow.platform.audit.AuditEvent;
import io.billingnow.platform.audit.AuditLog;
import io.billingnow.platform.identity.auth.Role;
import io.billingnow.platform.identity.auth.TenantCaller;
import io.billingnow.platform.core.tx.PlatformTransactions;
import io.billingnow.platform.core.tx.TenantHandle;
import io.billingnow.platform.protection.monitoring.SecurityEvent;
import io.billingnow.platform.protection.monitoring.SecurityEventKind;
import io.billingnow.platform.protection.monitoring.SecurityEvents;
import io.billingnow.platform.identity.sessions.Sessions;
import io.billingnow.platform.core.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Memberships and invitations. The caller owns the transaction (the resource, as everywhere): every method on a
 * tenant's members takes its {@link TenantHandle}. Rules: only an owner may make or unmake an owner; the last owner can be neither
 * removed nor demoted; a changed role or a removed member ends that person's sessions (their next request
 * authenticates afresh against the new membership).
 */
public final class MemberService {

    private final PlatformTransactions platform;
    private final Sessions sessions;
    private final InvitationTokens tokens;
    private final AuditLog audit;
    private final Clock clock;
    private final Invitations invitations;
    private final SecurityEvents events;

    public MemberService(PlatformTransactions platform, Sessions sessions, InvitationTokens tokens, AuditLog audit,
                         Clock clock, Duration invitationLifetime, SecurityEvents events) {
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

    public List<Member> list(TenantHandle tx) {
        return tx.dao(MembershipDao.class).list(tx.tenant());
    }

    public Member get(TenantHandle tx, UUID user) {
        return tx.dao(MembershipDao.class).find(tx.tenant(), user).orElseThrow(() -> DomainException.notFound("Member"));
    }

    /** The changed member's sessions end once the change has committed. */
    public Member changeRole(TenantHandle tx, TenantCaller caller, UUID user, Role role) {
        MembershipDao dao = tx.dao(MembershipDao.class);
        List<UUID> owners = dao.lockOwners(tx.tenant());
        Member before = get(tx, user);
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
        tx.afterCommit(() -> endSessions(user, "role changed"));
        return changed;
    }

    /** The removed member's sessions end once the removal has committed. */
    public void remove(TenantHandle tx, TenantCaller caller, UUID user) {
        MembershipDao dao = tx.dao(MembershipDao.class);
        List<UUID> owners = dao.lockOwners(tx.tenant());
        Member before = get(tx, user);
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
        tx.afterCommit(() -> endSessions(user, "removed from a tenant"));
    }

    public IssuedInvitation invite(TenantHandle tx, TenantCaller caller, String email, Role role) {
        if (role == Role.OWNER && caller.role() != Role.OWNER) {
            throw DomainException.forbidden("Only an owner can invite an owner");
        }
        Invitation invitation = invitations.create(tx, caller, email, role);
        return new IssuedInvitation(invitation, tokens.issue(caller.tenant(), invitation.id(),
                invitation.expiresAt()));
    }

    /** Invitations still open: neither accepted, revoked nor expired. */
    public List<Invitation> openInvitations(TenantHandle tx) {
        return tx.dao(InvitationDao.class).open(tx.tenant(), now());
    }

    public void revokeInvitation(TenantHandle tx, TenantCaller caller, UUID invitation) {
        if (tx.dao(InvitationDao.class).revoke(tx.tenant(), invitation, now()) == 0) {
            throw DomainException.notFound("Open invitation");
        }
        audit.append(tx, new AuditEvent(caller.actorType(), caller.actorId(), "invitation", invitation.toString(),
                "invitation.revoked", null, null));
    }

    /**
     * The invitation a token names, before any transaction: the token says which tenant's transaction accepts it.
     * Every refusal looks the same, so a token reveals nothing about the invitation.
     */
    public InvitationTokens.Claims claims(String token) {
        return tokens.verify(token).orElseThrow(MemberService::unusable);
    }

    /** An open invitation addressed to the signed-in person, with the tenant it is for. */
    public record OpenInvitation(UUID id, InvitingTenant tenant, String role, Instant expiresAt) {
    }

    public record InvitingTenant(UUID id, String slug, String name) {
    }

    /**
     * The open invitations addressed to a verified email, across tenants (before the person belongs to any); none for
     * an address the identity provider did not verify. Platform data, read in a transaction of its own.
     */
    public List<OpenInvitation> openInvitationsFor(String verifiedEmail) {
        if (verifiedEmail == null) {
            return List.of();
        }
        return platform.withDao(OpenInvitationDao.class, dao -> dao.forEmail(verifiedEmail, now())).stream()
                .map(OpenInvitationDao.Row::invitation).toList();
    }

    /**
     * The tenant of one of {@link #openInvitationsFor}, which {@link #accept} then accepts in: the way an invitation
     * without a token (an operator's) is accepted. The same checks as with a token, in the same place.
     */
    public TenantId tenantOfOpenInvitation(UUID invitation, String verifiedEmail) {
        requireVerified(verifiedEmail);
        return openInvitationsFor(verifiedEmail).stream().filter(i -> i.id().equals(invitation))
                .map(i -> new TenantId(i.tenant().id())).findFirst().orElseThrow(MemberService::unusable);
    }

    /**
     * Accepts an invitation for the signed-in person, whose email the identity provider must have verified and which
     * must be the address invited. Every refusal looks the same, so an id reveals nothing about the invitation.
     */
    public Member accept(TenantHandle tx, UUID invitation, UUID user, String verifiedEmail) {
        requireVerified(verifiedEmail);
        InvitationDao.Row row = tx.dao(InvitationDao.class).lock(tx.tenant(), invitation)
                .orElseThrow(MemberService::unusable);
        if (!row.open(clock.instant()) || !row.email().equalsIgnoreCase(verifiedEmail)) {
            throw unusable();
        }
        MembershipDao dao = tx.dao(MembershipDao.class);
        if (dao.insert(tx.tenant(), user, row.role(), now()) == 0) {
            throw DomainException.conflict("already-member", "You are already a member of this tenant");
        }
        tx.dao(InvitationDao.class).accepted(tx.tenant(), invitation, user, now());
        Member member = dao.find(tx.tenant(), user).orElseThrow();
        audit.append(tx, new AuditEvent("user", user.toString(), "member", user.toString(),
                "member.joined", null, member));
        return member;
    }

    /**
     * Declines an invitation addressed to the signed-in person (the same address rule as {@link #accept}): it can no
     * longer be accepted. Every refusal looks the same, so an id reveals nothing about the invitation.
     */
    public void decline(TenantHandle tx, UUID invitation, UUID user, String verifiedEmail) {
        requireVerified(verifiedEmail);
        if (tx.dao(InvitationDao.class).decline(tx.tenant(), invitation, verifiedEmail, now()) == 0) {
            throw unusable();
        }
        audit.append(tx, new AuditEvent("user", user.toString(), "invitation", invitation.toString(),
                "invitation.declined", null, null));
    }

    /** How many businesses the person owns, counted while no other sign-up of theirs can add one ({@link #founder}). */
    public int ownedBusinessesLocked(TenantHandle tx, UUID user) {
        MembershipDao dao = tx.dao(MembershipDao.class);
        dao.lockPerson(user.toString());
        return dao.ownedBusinesses(user);
    }

    /**
     * A business the person just created for themselves (self-service sign-up, in the transaction that provisioned
     * it): they become its first owner. Refused if it already has a member, so this can only found a new business.
     */
    public Member founder(TenantHandle tx, UUID user) {
        MembershipDao dao = tx.dao(MembershipDao.class);
        if (!dao.list(tx.tenant()).isEmpty() || dao.insert(tx.tenant(), user, Role.OWNER.wireName(), now()) == 0) {
            throw DomainException.conflict("tenant-has-owner", "This business already has members");
        }
        Member member = dao.find(tx.tenant(), user).orElseThrow();
        audit.append(tx, new AuditEvent("user", user.toString(), "member", user.toString(),
                "member.founded", null, member));
        return member;
    }

    private static void requireVerified(String verifiedEmail) {
        if (verifiedEmail == null) {
            throw new NotPermitted("email-not-verified", "Forbidden",
                    "Accepting an invitation needs an email address verified by your identity provider");
        }
    }

    /** Development sign-in only: the active tenants, each of which {@link #makeDevOwner} then makes the user own. */
    public List<TenantId> activeTenants() {
        return Tenants.activeIds(platform);
    }

    /** Development sign-in only: the dev user owns every active tenant, so a newcomer can try everything. */
    public void makeDevOwner(TenantHandle tx, UUID user) {
        MembershipDao dao = tx.dao(MembershipDao.class);
        if (dao.insert(tx.tenant(), user, Role.OWNER.wireName(), now()) > 0) {
            Member member = dao.find(tx.tenant(), user).orElse(null);
            audit.append(tx, new AuditEvent("user", user.toString(), "member", user.toString(),
                    "member.dev_login_owner", null, member));
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
