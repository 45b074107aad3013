package io.billingnow.platform.sessions;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Security-relevant events, on their own logger ({@code io.billingnow.security}) so they can be routed and alerted
 * on. Never logs a token, cookie, code or secret: only what happened, which provider, and identifiers we assigned.
 */
public final class SecurityEvents {

    private static final Logger LOG = LoggerFactory.getLogger("io.billingnow.security");

    private SecurityEvents() {
    }

    public static void signInFailed(String provider, String reason) {
        LOG.warn("sign-in failed: provider={} reason={}", clean(provider), clean(reason));
    }

    public static void signedIn(String provider, String userId, String kind) {
        LOG.info("signed in: provider={} user={} kind={}", clean(provider), userId, kind);
    }

    public static void operatorRefused(String provider, String issuer) {
        LOG.warn("admin console sign-in refused: provider={} issuer={} (identity not on the operator allow-list)",
                clean(provider), clean(issuer));
    }

    public static void csrfRefused(String reason) {
        LOG.warn("cookie-authenticated state change refused: {}", reason);
    }

    public static void sessionsEnded(String userId, int count, String why) {
        LOG.info("sessions ended: user={} count={} reason={}", userId, count, why);
    }

    /** Keeps attacker-supplied text from forging log lines or flooding them. */
    static String clean(String text) {
        if (text == null) {
            return "-";
        }
        String plain = text.replaceAll("[^\\x20-\\x7e]", "?");
        return plain.length() > 120 ? plain.substring(0, 120) + "…" : plain;
    }
}
