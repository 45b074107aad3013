package io.billingnow.platform.keys;

import io.billingnow.platform.core.tx.PlatformTransactions;
import io.billingnow.platform.keys.master.MasterKey;
import io.billingnow.platform.keys.master.MasterKeyException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Optional;

/**
 * The master key's canary: a random value wrapped by the master key and stored in {@code master_key_check}. At startup
 * the configured key must unwrap it, or the platform stops before it reads or writes any tenant data. AES-GCM
 * authenticates the unwrap, so "it unwraps" means "it is the same key": nothing about the key can be learnt from the
 * stored value.
 */
public final class MasterKeyCheck {

    /** What startup found. */
    public enum Outcome {
        /** No check existed (a new database): one was recorded under the configured key. */
        INITIALISED,
        /** The configured key is the right one. */
        VERIFIED,
        /** The previous key opened it: a master-key rotation is due (re-wrap, then record under the new key). */
        OPENED_BY_PREVIOUS
    }

    private static final byte[] CONTEXT = "billingnow master key check|v1".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PlatformTransactions platform;
    private final Clock clock;

    public MasterKeyCheck(PlatformTransactions platform, Clock clock) {
        this.platform = platform;
        this.clock = clock;
    }

    /**
     * Verifies the configured key ({@code previous} may be null). Throws {@link MasterKeyMismatchException} with a
     * message that says what to do when neither key opens the stored check.
     */
    public Outcome verify(MasterKey current, MasterKey previous) {
        Optional<MasterKeyCheckDao.Check> stored = platform.withDao(MasterKeyCheckDao.class, MasterKeyCheckDao::find);
        if (stored.isEmpty()) {
            record(current);
            return Outcome.INITIALISED;
        }
        if (opens(current, stored.get())) {
            return Outcome.VERIFIED;
        }
        if (previous != null && opens(previous, stored.get())) {
            return Outcome.OPENED_BY_PREVIOUS;
        }
        throw new MasterKeyMismatchException("The configured master key (" + current.id() + ") is not the one this "
                + "database's keys are wrapped with (" + stored.get().masterKeyId() + ", recorded "
                + stored.get().createdAt() + "). Refusing to start before touching any data: configure the right key "
                + "in keys.masterKey, or, to rotate the master key, the old one in keys.previousMasterKey.", null);
    }

    /** Records (or replaces) the check under {@code key}. */
    public void record(MasterKey key) {
        byte[] value = new byte[32];
        RANDOM.nextBytes(value);
        byte[] wrapped;
        try {
            wrapped = key.wrap(value, CONTEXT);
        } finally {
            Arrays.fill(value, (byte) 0);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        platform.withDao(MasterKeyCheckDao.class, dao -> {
            dao.record(key.id(), wrapped, now);
            return null;
        });
    }

    private static boolean opens(MasterKey key, MasterKeyCheckDao.Check stored) {
        try {
            Arrays.fill(key.unwrap(stored.checkValue(), CONTEXT), (byte) 0);
            return true;
        } catch (MasterKeyException e) {
            return false;
        }
    }
}
