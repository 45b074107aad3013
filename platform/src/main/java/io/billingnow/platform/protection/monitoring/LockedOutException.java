package io.billingnow.platform.protection.monitoring;

import io.billingnow.platform.core.errors.Throttled;
import java.time.Duration;

/** 429 {@code locked-out} with {@code Retry-After}: the answer to a target that is locked out. */
public final class LockedOutException extends Throttled {

    private static final long serialVersionUID = 1L;

    public LockedOutException(Duration remaining) {
        super("locked-out", "Temporarily locked out", "Too many failed attempts; try again later", remaining);
    }
}
