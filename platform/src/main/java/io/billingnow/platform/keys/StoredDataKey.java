package io.billingnow.platform.keys;

import java.time.Instant;

/** A row of data_keys: one version of a tenant's data key, wrapped. */
public record StoredDataKey(int version, String state, byte[] wrappedKey, String masterKeyId, long encryptions,
                            Instant createdAt, Instant rotatedAt, Instant retiredAt, Instant destroyedAt) {

    public KeyState keyState() {
        return KeyState.fromWireName(state);
    }

    /** What an operator may see: everything but the wrapped material. */
    public KeyInfo info() {
        return new KeyInfo(version, keyState().wireName(), masterKeyId, encryptions, createdAt, rotatedAt, retiredAt,
                destroyedAt);
    }
}
