package io.billingnow.platform.keys;

import io.billingnow.platform.audit.AuditLog;
import io.billingnow.platform.core.tx.PlatformTransactions;
import io.billingnow.platform.core.tx.TenantTransactions;
import io.billingnow.platform.keys.master.MasterKey;
import io.dropwizard.lifecycle.Managed;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key machinery, opened and checked in the order startup needs: master key(s), the canary check (which stops
 * startup on a wrong key), a pending master-key rotation, then the services. Register it with the lifecycle so the
 * re-encryption job runs and the master keys are closed on shutdown.
 */
public final class Keys implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(Keys.class);

    private final MasterKey master;
    private final MasterKey previousMaster;
    private final TenantKeyService tenantKeys;
    private final FieldEncryptor encryptor;
    private final EncryptedColumns columns;
    private final ReencryptionJob reencryption;
    private final MasterKeyRotation masterRotation;

    private Keys(MasterKey master, MasterKey previousMaster, TenantKeyService tenantKeys, FieldEncryptor encryptor,
                 EncryptedColumns columns, ReencryptionJob reencryption, MasterKeyRotation masterRotation) {
        this.master = master;
        this.previousMaster = previousMaster;
        this.tenantKeys = tenantKeys;
        this.encryptor = encryptor;
        this.columns = columns;
        this.reencryption = reencryption;
        this.masterRotation = masterRotation;
    }

    /**
     * Opens the configured master key and verifies it against the database before anything else touches tenant data.
     * Throws (and so stops startup) on a missing, unreadable or wrong master key.
     */
    public static Keys open(KeySettings settings, PlatformTransactions platform, TenantTransactions tenants,
                            AuditLog audit, Clock clock) {
        MasterKey master = settings.getMasterKey().open();
        MasterKey previous = null;
        try {
            previous = settings.getPreviousMasterKey() == null ? null : settings.getPreviousMasterKey().open();
            return open(master, previous, settings, platform, tenants, audit, clock);
        } catch (RuntimeException e) {
            master.close();
            if (previous != null) {
                previous.close();
            }
            throw e;
        }
    }

    /** As {@link #open(KeySettings, PlatformTransactions, TenantTransactions, AuditLog, Clock)}, with keys in hand. */
    public static Keys open(MasterKey master, MasterKey previous, KeySettings settings, PlatformTransactions platform,
                            TenantTransactions tenants, AuditLog audit, Clock clock) {
        MasterKeyCheck check = new MasterKeyCheck(platform, clock);
        MasterKeyCheck.Outcome outcome = check.verify(master, previous);
        MasterKeyRotation rotation = new MasterKeyRotation(platform, tenants, check, audit);
        if (outcome == MasterKeyCheck.Outcome.OPENED_BY_PREVIOUS) {
            LOG.warn("master key rotation: re-wrapping every data key from {} to {}", previous.id(), master.id());
            rotation.rewrapAll(previous, master, KeyActor.SYSTEM);
        } else if (previous != null) {
            // The check moves to the new key only after every data key was re-wrapped: the rotation is complete.
            LOG.warn("keys.previousMasterKey ({}) is no longer needed and can be removed from the configuration",
                    previous.id());
        }
        LOG.info("master key {} verified ({})", master.id(), outcome);
        TenantKeyService tenantKeys = new TenantKeyService(tenants, master, previous, audit, settings, clock);
        FieldEncryptor encryptor = new FieldEncryptor(tenantKeys, new FieldCipher(settings.getFieldCipher()));
        EncryptedColumns columns = new EncryptedColumns();
        ReencryptionJob job = new ReencryptionJob(platform, tenants, tenantKeys, encryptor, columns, settings, clock);
        return new Keys(master, previous, tenantKeys, encryptor, columns, job, rotation);
    }

    public MasterKey masterKey() {
        return master;
    }

    /** The master key being rotated away from, or null. */
    public MasterKey previousMasterKey() {
        return previousMaster;
    }

    public TenantKeyService tenantKeys() {
        return tenantKeys;
    }

    public FieldEncryptor encryptor() {
        return encryptor;
    }

    /** The encrypted columns re-encryption walks: {@link EncryptedColumns#APPLICATION} (plus a test's own). */
    public EncryptedColumns columns() {
        return columns;
    }

    public ReencryptionJob reencryption() {
        return reencryption;
    }

    public MasterKeyRotation masterRotation() {
        return masterRotation;
    }

    @Override
    public void start() {
        reencryption.start();
    }

    @Override
    public void stop() throws InterruptedException {
        reencryption.stop();
        tenantKeys.evictAll();
        master.close();
        if (previousMaster != null) {
            previousMaster.close();
        }
    }
}
