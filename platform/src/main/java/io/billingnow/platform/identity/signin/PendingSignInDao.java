package io.billingnow.platform.identity.signin;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Sign-ins waiting for their provider's callback (pending_sign_ins), found by the hash of their cookie. */
public interface PendingSignInDao {

    /** A pending sign-in as stored, with its deadline. */
    record Row(String provider, String purpose, String state, String nonce, String codeVerifier, String returnTo,
               Instant expiresAt) {

        PendingSignIns.Pending pending() {
            return new PendingSignIns.Pending(provider, purpose, state, nonce, codeVerifier, returnTo);
        }
    }

    @SqlUpdate("DELETE FROM pending_sign_ins WHERE expires_at < :now")
    void deleteExpired(@Bind("now") Instant now);

    @SqlUpdate("""
            INSERT INTO pending_sign_ins (id_hash, provider, purpose, state, nonce, code_verifier, return_to,
                                          created_at, expires_at)
            VALUES (:hash, :p.provider, :p.purpose, :p.state, :p.nonce, :p.codeVerifier, :p.returnTo, :now, :expires)""")
    void insert(@Bind("hash") byte[] hash, @BindMethods("p") PendingSignIns.Pending pending, @Bind("now") Instant now,
                @Bind("expires") Instant expires);

    /** Takes the row out: a second callback with the same cookie finds nothing. */
    @SqlQuery("""
            DELETE FROM pending_sign_ins WHERE id_hash = :hash
            RETURNING provider, purpose, state, nonce, code_verifier, return_to, expires_at""")
    @RegisterConstructorMapper(Row.class)
    List<Row> take(@Bind("hash") byte[] hash);
}
