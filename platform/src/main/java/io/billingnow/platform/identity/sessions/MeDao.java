package io.billingnow.platform.identity.sessions;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * What the signed-in person may read about themselves: their user row, their provider identities and the tenants they
 * belong to. Platform data;
 * the memberships come through {@code billingnow_user_memberships}, which returns only this person's rows.
 */
public interface MeDao {

    record Person(String email, boolean emailVerified, String displayName) {
    }

    /** One of the person's identities at an identity provider. */
    record ProviderIdentity(String issuer, String subject) {
    }

    @SqlQuery("SELECT email, email_verified, display_name FROM users WHERE id = :id")
    @RegisterConstructorMapper(Person.class)
    Optional<Person> person(@Bind("id") UUID user);

    @SqlQuery("SELECT issuer, subject FROM user_identities WHERE user_id = :user")
    @RegisterConstructorMapper(ProviderIdentity.class)
    List<ProviderIdentity> identities(@Bind("user") UUID user);

    @SqlQuery("""
            SELECT t.id AS tenant_id, t.slug, t.name, m.role FROM billingnow_user_memberships(:user) m
            JOIN tenants t ON t.id = m.tenant_id WHERE t.status <> 'offboarded' ORDER BY t.slug""")
    @RegisterConstructorMapper(MeResource.Membership.class)
    List<MeResource.Membership> memberships(@Bind("user") UUID user);
}
