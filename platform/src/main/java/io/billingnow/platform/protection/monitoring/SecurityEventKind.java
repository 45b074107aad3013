package io.billingnow.platform.protection.monitoring;

import java.util.Locale;

/** The kinds of security event the platform watches. */
public enum SecurityEventKind {
    SIGNED_IN,
    SIGN_IN_FAILED,
    OPERATOR_REFUSED,
    CSRF_REFUSED,
    SESSIONS_ENDED,
    AUTHENTICATION_FAILED,
    PERMISSION_DENIED,
    WEBHOOK_REJECTED,
    RATE_LIMITED,
    LOCKED_OUT,
    LOCKOUT_LIFTED,
    KEY_OPERATION,
    PLUGIN_FAILURE;

    /** Names used in audit actions ({@code security.<wire name>}), metrics and alerts. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
