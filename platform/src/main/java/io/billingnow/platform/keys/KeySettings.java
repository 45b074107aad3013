package io.billingnow.platform.keys;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.billingnow.platform.keys.master.MasterKeySettings;
import io.dropwizard.util.Duration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** The {@code keys:} section of the configuration. See docs/encryption.md. */
public class KeySettings {

    /** NIST SP 800-38D: at most 2^32 encryptions with random 96-bit nonces under one key. */
    public static final long NIST_RANDOM_NONCE_LIMIT = 1L << 32;

    @Valid
    @NotNull
    @JsonProperty
    private MasterKeySettings masterKey = MasterKeySettings.localFile("./data/master.key", false);

    /** Set while rotating the master key: data keys still wrapped by it are re-wrapped under {@code masterKey}. */
    @Valid
    @JsonProperty
    private MasterKeySettings previousMasterKey;

    @Min(1)
    @JsonProperty
    private long cacheMaximumSize = 10_000;

    @NotNull
    @JsonProperty
    private Duration cacheExpireAfterWrite = Duration.minutes(10);

    /** Rotate a tenant's data key after this many encryptions: half the NIST limit by default. */
    @Min(1)
    @Max(NIST_RANDOM_NONCE_LIMIT)
    @JsonProperty
    private long rotateAfterEncryptions = 1L << 31;

    /**
     * The largest block of encryptions reserved from the persisted counter at once, so that the hot path does not
     * write to the database. Blocks start at 1,024 and double for a busy key. A crash or an eviction forfeits at most
     * the rest of one block (counted as used: the count never falls short). 2^20 is 1/2,048 of the default threshold;
     * a key busy enough to reach it pays one database round trip per million encryptions.
     */
    @Min(1)
    @Max(1 << 24)
    @JsonProperty
    private int usageReservationBlock = 1 << 20;

    @Min(1)
    @Max(10_000)
    @JsonProperty
    private int reencryptionBatchSize = 200;

    @NotNull
    @JsonProperty
    private Duration reencryptionInterval = Duration.minutes(1);

    @NotNull
    @JsonProperty
    private AeadEngine fieldCipher = AeadEngine.JCA;

    public MasterKeySettings getMasterKey() {
        return masterKey;
    }

    public void setMasterKey(MasterKeySettings masterKey) {
        this.masterKey = masterKey;
    }

    public MasterKeySettings getPreviousMasterKey() {
        return previousMasterKey;
    }

    public void setPreviousMasterKey(MasterKeySettings previousMasterKey) {
        this.previousMasterKey = previousMasterKey;
    }

    public long getCacheMaximumSize() {
        return cacheMaximumSize;
    }

    public void setCacheMaximumSize(long cacheMaximumSize) {
        this.cacheMaximumSize = cacheMaximumSize;
    }

    public Duration getCacheExpireAfterWrite() {
        return cacheExpireAfterWrite;
    }

    public void setCacheExpireAfterWrite(Duration cacheExpireAfterWrite) {
        this.cacheExpireAfterWrite = cacheExpireAfterWrite;
    }

    public long getRotateAfterEncryptions() {
        return rotateAfterEncryptions;
    }

    public void setRotateAfterEncryptions(long rotateAfterEncryptions) {
        this.rotateAfterEncryptions = rotateAfterEncryptions;
    }

    public int getUsageReservationBlock() {
        return usageReservationBlock;
    }

    public void setUsageReservationBlock(int usageReservationBlock) {
        this.usageReservationBlock = usageReservationBlock;
    }

    public int getReencryptionBatchSize() {
        return reencryptionBatchSize;
    }

    public void setReencryptionBatchSize(int reencryptionBatchSize) {
        this.reencryptionBatchSize = reencryptionBatchSize;
    }

    public Duration getReencryptionInterval() {
        return reencryptionInterval;
    }

    public AeadEngine getFieldCipher() {
        return fieldCipher;
    }

    public void setFieldCipher(AeadEngine fieldCipher) {
        this.fieldCipher = fieldCipher;
    }
}
