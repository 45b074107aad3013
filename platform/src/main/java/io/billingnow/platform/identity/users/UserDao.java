package io.billingnow.platform.identity.users;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** People and their provider identities (users, user_identities). Platform data: a person belongs to no tenant. */
public interface UserDao {

    @SqlQuery("SELECT user_id FROM user_identities WHERE issuer = :issuer AND subject = :subject")
    Optional<UUID> userOf(@Bind("issuer") String issuer, @Bind("subject") String subject);

    /** A sign-in of a known person; an address the provider verified replaces the stored one. */
    @SqlUpdate("""
            UPDATE users SET last_sign_in_at = :now,
                   email = CASE WHEN :verified THEN :email ELSE email END,
                   email_verified = email_verified OR :verified,
                   display_name = coalesce(display_name, :name)
            WHERE id = :id""")
    void signedIn(@Bind("id") UUID id, @Bind("email") String email, @Bind("verified") boolean verified,
                  @Bind("name") String displayName, @Bind("now") Instant now);

    @SqlUpdate("""
            INSERT INTO users (id, email, email_verified, display_name, created_at, last_sign_in_at)
            VALUES (:id, :email, :verified, :name, :now, :now)""")
    void insert(@Bind("id") UUID id, @Bind("email") String email, @Bind("verified") boolean verified,
                @Bind("name") String displayName, @Bind("now") Instant now);

    @SqlUpdate("""
            INSERT INTO user_identities (issuer, subject, user_id, created_at)
            VALUES (:issuer, :subject, :id, :now)""")
    void insertIdentity(@Bind("issuer") String issuer, @Bind("subject") String subject, @Bind("id") UUID user,
                        @Bind("now") Instant now);

    @SqlQuery("SELECT issuer, subject FROM user_identities WHERE user_id = :user")
    @RegisterConstructorMapper(UserAccounts.ProviderIdentity.class)
    List<UserAccounts.ProviderIdentity> identities(@Bind("user") UUID user);

    @SqlQuery("SELECT id, email, email_verified, display_name FROM users WHERE id = :id")
    @RegisterConstructorMapper(UserAccounts.User.class)
    Optional<UserAccounts.User> find(@Bind("id") UUID id);
}
