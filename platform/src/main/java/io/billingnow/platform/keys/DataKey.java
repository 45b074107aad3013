package io.billingnow.platform.keys;

import io.billingnow.platform.core.TenantId;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * One unwrapped version of a tenant's data key (DEK), as held in memory.
 *
 * <p>Its bytes are wiped when it is destroyed, but not under a thread that is using it: users {@link #acquire()} and
 * {@link #release()} it, and the wipe happens when the last user leaves. Without that, an eviction racing an encryption
 * could leave the encryption running with a zeroed key.
 *
 * <p>Limits of wiping: the raw bytes and Bouncy Castle's {@link KeyParameter} copy are zeroed; the JDK's
 * {@link SecretKeySpec} keeps a private copy (and the JCA cipher its expanded round keys) that JDK 17 cannot erase.
 * Those become garbage and are overwritten whenever the heap reuses them.
 */
public final class DataKey {

    static final int BYTES = 32;
    private static final int CLOSED = Integer.MIN_VALUE;

    private final TenantId tenant;
    private final int version;
    private final byte[] material;
    private final SecretKeySpec jcaKey;
    private final KeyParameter bcKey;
    private final AtomicInteger users = new AtomicInteger();
    /** Encryptions still allowed under the block reserved in the database for this key. */
    final AtomicLong reservedEncryptions = new AtomicLong();
    /** The size of this key object's next reservation: it starts small and doubles (guarded by this object). */
    long nextReservation;

    /** Takes ownership of {@code material}: the caller must not keep or reuse it. */
    public DataKey(TenantId tenant, int version, byte[] material) {
        if (material.length != BYTES) {
            throw new IllegalArgumentException("a data key is 256 bits");
        }
        this.tenant = tenant;
        this.version = version;
        this.material = material;
        this.jcaKey = new SecretKeySpec(material, "AES");
        this.bcKey = new KeyParameter(material);
    }

    public TenantId tenant() {
        return tenant;
    }

    public int version() {
        return version;
    }

    /** Marks the key in use; false if it has been destroyed (the caller must fetch it again). */
    public boolean acquire() {
        while (true) {
            int current = users.get();
            if (current < 0) {
                return false;
            }
            if (users.compareAndSet(current, current + 1)) {
                return true;
            }
        }
    }

    public void release() {
        if (users.decrementAndGet() == CLOSED) {
            wipe();
        }
    }

    /** No new user may acquire the key; its bytes are wiped now, or when its last user releases it. */
    public void destroy() {
        while (true) {
            int current = users.get();
            if (current < 0) {
                return;
            }
            if (users.compareAndSet(current, current | CLOSED)) {
                if (current == 0) {
                    wipe();
                }
                return;
            }
        }
    }

    public boolean isDestroyed() {
        return users.get() < 0;
    }

    SecretKeySpec jcaKey() {
        return jcaKey;
    }

    KeyParameter bcKey() {
        return bcKey;
    }

    /** A copy of the key bytes, for wrapping under the master key. The caller wipes it. */
    byte[] copyMaterial() {
        return material.clone();
    }

    private void wipe() {
        Arrays.fill(material, (byte) 0);
        // KeyParameter holds its own copy and hands out that very array.
        Arrays.fill(bcKey.getKey(), (byte) 0);
    }

    /** Test hook: true once the bytes we control are all zero. */
    boolean isWiped() {
        for (byte b : material) {
            if (b != 0) {
                return false;
            }
        }
        for (byte b : bcKey.getKey()) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "DataKey[" + tenant + " v" + version + "]";
    }
}
