package io.billingnow.platform.identity.members;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * Invitations addressed to one email, across tenants: platform data read before the person belongs to any tenant,
 * through {@code billingnow_open_invitations_for_email}, which returns only open invitations to that address.
 */
public interface OpenInvitationDao {

    /** An open invitation, flat as the query returns it. */
    record Row(UUID id, String role, Instant expiresAt, UUID tenantId, String slug, String name) {

        MemberService.OpenInvitation invitation() {
            return new MemberService.OpenInvitation(id, new MemberService.InvitingTenant(tenantId, slug, name), role,
                    expiresAt);
        }
    }

    @SqlQuery("""
            SELECT i.id, i.role, i.expires_at, t.id AS tenant_id, t.slug, t.name
            FROM billingnow_open_invitations_for_email(:email, :now) i
            JOIN tenants t ON t.id = i.tenant_id WHERE t.status = 'active'
            ORDER BY i.expires_at, i.id""")
    @RegisterConstructorMapper(Row.class)
    List<Row> forEmail(@Bind("email") String email, @Bind("now") Instant now);
}
