package io.billingnow.platform.http;

import io.billingnow.platform.core.errors.DomainException;
import io.billingnow.platform.core.errors.InvalidInput;
import io.billingnow.platform.core.errors.NotFound;
import io.billingnow.platform.core.errors.NotPermitted;
import io.billingnow.platform.core.errors.PayloadTooLarge;
import io.billingnow.platform.core.errors.PreconditionFailed;
import io.billingnow.platform.core.errors.PreconditionRequired;
import io.billingnow.platform.core.errors.StateConflict;
import io.billingnow.platform.core.errors.Throttled;
import io.billingnow.platform.core.errors.Unauthenticated;
import io.billingnow.platform.core.errors.Unavailable;
import io.billingnow.platform.core.errors.Unprocessable;
import io.billingnow.platform.core.errors.UpstreamFailure;
import java.util.Map;

/** The HTTP status of each kind of refusal: the one place where the domain's refusals meet HTTP. */
public final class DomainStatuses {

    static final Map<Class<? extends DomainException>, Integer> STATUS = Map.ofEntries(
            Map.entry(InvalidInput.class, 400),
            Map.entry(Unauthenticated.class, 401),
            Map.entry(NotPermitted.class, 403),
            Map.entry(NotFound.class, 404),
            Map.entry(StateConflict.class, 409),
            Map.entry(PreconditionFailed.class, 412),
            Map.entry(PayloadTooLarge.class, 413),
            Map.entry(Unprocessable.class, 422),
            Map.entry(PreconditionRequired.class, 428),
            Map.entry(Throttled.class, 429),
            Map.entry(UpstreamFailure.class, 502),
            Map.entry(Unavailable.class, 503));

    private DomainStatuses() {
    }

    /** The status of the refusal's kind; a feature's own subclass (a lockout) answers as the kind it extends. */
    public static int of(DomainException e) {
        for (Class<?> type = e.getClass(); type != DomainException.class; type = type.getSuperclass()) {
            Integer status = STATUS.get(type);
            if (status != null) {
                return status;
            }
        }
        throw new IllegalStateException("No status for the refusal kind " + e.getClass().getName());
    }
}
