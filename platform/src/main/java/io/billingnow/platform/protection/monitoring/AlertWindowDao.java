package io.billingnow.platform.protection.monitoring;

import java.time.Instant;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The shared alert windows ({@code security_alert_windows}): one row per alert-rule key, platform data. */
public interface AlertWindowDao {

    /**
     * Appends the event, keeps the newest {@code cap} hits inside the window and counts them, in one statement
     * under the row's lock.
     */
    @SqlQuery("""
            INSERT INTO security_alert_windows AS w (key, hits, expires_at)
            VALUES (:key, ARRAY[CAST(:now AS timestamptz)], :expires)
            ON CONFLICT (key) DO UPDATE SET
                hits = ARRAY(SELECT hit FROM (
                           SELECT hit FROM unnest(w.hits || CAST(:now AS timestamptz)) AS hit
                           WHERE hit > :oldest ORDER BY hit DESC LIMIT :cap) recent ORDER BY hit),
                expires_at = :expires
            RETURNING cardinality(hits)""")
    int record(@Bind("key") String key, @Bind("now") Instant now, @Bind("oldest") Instant oldest,
               @Bind("expires") Instant expires, @Bind("cap") int cap);

    @SqlUpdate("DELETE FROM security_alert_windows WHERE key = :key")
    void reset(@Bind("key") String key);

    @SqlUpdate("DELETE FROM security_alert_windows WHERE expires_at <= :now")
    int removeExpired(@Bind("now") Instant now);
}
