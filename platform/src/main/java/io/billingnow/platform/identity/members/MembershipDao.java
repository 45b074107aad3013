package io.billingnow.platform.identity.members;

import io.billingnow.platform.core.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Memberships of one tenant; every method takes the tenant, and row-level security enforces it as well. */
public interface MembershipDao {

    @SqlQuery("SELECT role FROM memberships WHERE tenant_id = :tenant AND user_id = :user")
    Optional<String> role(@Bind("tenant") TenantId tenant, @Bind("user") UUID user);

    @SqlQuery("""
            SELECT m.user_id, u.email, u.display_name, m.role, m.created_at
            FROM memberships m JOIN users u ON u.id = m.user_id
            WHERE m.tenant_id = :tenant ORDER BY m.created_at, m.user_id""")
    @RegisterConstructorMapper(Member.class)
    List<Member> list(@Bind("tenant") TenantId tenant);

    @SqlQuery("""
            SELECT m.user_id, u.email, u.display_name, m.role, m.created_at
            FROM memberships m JOIN users u ON u.id = m.user_id
            WHERE m.tenant_id = :tenant AND m.user_id = :user""")
    @RegisterConstructorMapper(Member.class)
    Optional<Member> find(@Bind("tenant") TenantId tenant, @Bind("user") UUID user);

    /** The owners, locked: two concurrent demotions cannot both see "another owner remains". */
    @SqlQuery("SELECT user_id FROM memberships WHERE tenant_id = :tenant AND role = 'owner' ORDER BY user_id FOR UPDATE")
    List<UUID> lockOwners(@Bind("tenant") TenantId tenant);

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM memberships WHERE tenant_id = :tenant AND role = 'owner')")
    boolean hasOwner(@Bind("tenant") TenantId tenant);

    /** How many businesses (not offboarded) the person owns, across tenants: through the person's own rows only. */
    @SqlQuery("""
            SELECT count(*) FROM billingnow_user_memberships(:user) m JOIN tenants t ON t.id = m.tenant_id
            WHERE m.role = 'owner' AND t.status <> 'offboarded'""")
    int ownedBusinesses(@Bind("user") UUID user);

    /**
     * Serializes what one person does across tenants until the transaction ends (a transaction-level advisory lock
     * keyed by the person): two sign-ups of the same person cannot both count the same number of businesses.
     */
    @SqlQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtextextended('person:' || :user, 0))) locked")
    int lockPerson(@Bind("user") String user);

    @SqlUpdate("""
            INSERT INTO memberships (tenant_id, user_id, role, created_at, updated_at)
            VALUES (:tenant, :user, :role, :now, :now) ON CONFLICT (tenant_id, user_id) DO NOTHING""")
    int insert(@Bind("tenant") TenantId tenant, @Bind("user") UUID user, @Bind("role") String role,
               @Bind("now") Instant now);

    @SqlUpdate("UPDATE memberships SET role = :role, updated_at = :now WHERE tenant_id = :tenant AND user_id = :user")
    int setRole(@Bind("tenant") TenantId tenant, @Bind("user") UUID user, @Bind("role") String role,
                @Bind("now") Instant now);

    @SqlUpdate("DELETE FROM memberships WHERE tenant_id = :tenant AND user_id = :user")
    int delete(@Bind("tenant") TenantId tenant, @Bind("user") UUID user);
}
