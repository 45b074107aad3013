package io.billingnow.platform.keys;

/** The life of one data-key version. */
public enum KeyState {
    /** Encrypts new data (exactly one per tenant) and decrypts. */
    PRIMARY,
    /** Superseded by a rotation: decrypts only, until re-encryption has moved its data to the primary. */
    DECRYPT_ONLY,
    /** No data uses it any more; its wrapped material has been erased. */
    RETIRED,
    /** Crypto-shredded with the rest of the tenant's keys; its wrapped material has been erased. */
    DESTROYED;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static KeyState fromWireName(String name) {
        return valueOf(name.toUpperCase(java.util.Locale.ROOT));
    }

    public boolean hasMaterial() {
        return this == PRIMARY || this == DECRYPT_ONLY;
    }
}
