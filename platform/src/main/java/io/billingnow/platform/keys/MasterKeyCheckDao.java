package io.billingnow.platform.keys;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The master key's canary ({@code master_key_check}): one platform row, id 1. */
@RegisterConstructorMapper(MasterKeyCheckDao.Check.class)
public interface MasterKeyCheckDao {

    /** A random value wrapped by the master key {@code masterKeyId}. */
    record Check(String masterKeyId, byte[] checkValue, Instant createdAt) {
    }

    @SqlQuery("SELECT master_key_id, check_value, created_at FROM master_key_check WHERE id = 1")
    Optional<Check> find();

    /** Records the check, replacing the one there was. */
    @SqlUpdate("""
            INSERT INTO master_key_check (id, master_key_id, check_value, created_at, updated_at)
            VALUES (1, :id, :value, :now, :now)
            ON CONFLICT (id) DO UPDATE SET master_key_id = :id, check_value = :value, created_at = :now,
                updated_at = :now""")
    void record(@Bind("id") String masterKeyId, @Bind("value") byte[] checkValue, @Bind("now") Instant now);
}
