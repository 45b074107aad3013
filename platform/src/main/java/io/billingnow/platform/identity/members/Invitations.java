package io.billingnow.platform.identity.members;

import io.billingnow.platform.core.errors.DomainException;
import io.billingnow.platform.audit.AuditEvent;
import io.billingnow.platform.audit.AuditLog;
import io.billingnow.platform.identity.auth.Caller;
import io.billingnow.platform.identity.auth.Role;
import io.billingnow.platform.core.tx.TenantHandle;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Writes an invitation, whoever invites: a tenant's owner or admin ({@link MemberService#invite}) or an operator
 * inviting a new tenant's first owner ({@link FirstOwnerInvitations}). An invitation is accepted by the signed-in
 * person whose identity provider verified the invited address, so the address is the whole of the rule.
 */
public final class Invitations {

    /** Something, one {@code @}, something with a dot; no spaces or controls. Deliverability is the provider's job. */
    private static final Pattern ADDRESS =
            Pattern.compile("[^@\\s\\p{Cntrl}]+@[^@\\s\\p{Cntrl}]+\\.[^@\\s\\p{Cntrl}]+");

    private final AuditLog audit;
    private final Clock clock;
    private final Duration lifetime;

    public Invitations(AuditLog audit, Clock clock, Duration lifetime) {
        this.audit = audit;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /** The address as stored and matched: lower case. A 400 pointing at {@code /email} when it is not one. */
    public static String address(String email) {
        if (email == null || email.length() > 320 || !ADDRESS.matcher(email).matches()) {
            throw DomainException.invalid("/email", "must be an email address (at most 320 characters)");
        }
        return email.toLowerCase(Locale.ROOT);
    }

    public MemberService.Invitation create(TenantHandle tx, Caller actor, String email, Role role) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        MemberService.Invitation invitation = new MemberService.Invitation(UUID.randomUUID(), address(email),
                role.wireName(), now.plus(lifetime));
        tx.dao(InvitationDao.class).insert(tx.tenant(), invitation, actor.getName(), now);
        audit.append(tx, new AuditEvent(actor.actorType(), actor.actorId(), "invitation", invitation.id().toString(),
                "invitation.created", null, invitation));
        return invitation;
    }
}
