package io.billingnow.platform.keys;

import io.billingnow.platform.identity.auth.Caller;
import java.util.Objects;

/** Who a key operation is recorded against in the audit log: an operator, or the platform itself. */
public record KeyActor(String type, String id) {

    /** Automatic work: usage-limit rotation, re-encryption, offboarding, master-key re-wrapping. */
    public static final KeyActor SYSTEM = new KeyActor("system", "keys");

    public KeyActor {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
    }

    public static KeyActor of(Caller caller) {
        return new KeyActor(caller.actorType(), caller.actorId());
    }
}
