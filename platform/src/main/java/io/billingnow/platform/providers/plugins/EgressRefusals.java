package io.billingnow.platform.providers.plugins;

import io.billingnow.platform.protection.egress.EgressRefusedException;

/**
 * Remembers, for the plugin call running on this thread, that the egress policy refused one of its requests. The
 * plugin sees only an IOException and may turn it into anything; the host still knows that the call failed because
 * of where the account points (a tenant's configuration), not because the plugin is broken, and answers accordingly.
 */
final class EgressRefusals {

    private static final ThreadLocal<EgressRefusedException> CURRENT = new ThreadLocal<>();

    private EgressRefusals() {
    }

    static EgressRefusedException record(EgressRefusedException refused) {
        if (CURRENT.get() == null) {
            CURRENT.set(refused);
        }
        return refused;
    }

    /** Clears and returns the refusal recorded on this thread since the last call. */
    static EgressRefusedException take() {
        EgressRefusedException refused = CURRENT.get();
        CURRENT.remove();
        return refused;
    }
}
