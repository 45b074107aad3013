package io.billingnow.platform.identity.sessions;

import io.billingnow.platform.protection.monitoring.SecurityEvent;
import io.billingnow.platform.protection.monitoring.SecurityEventKind;
import io.billingnow.platform.protection.monitoring.SecurityEvents;
import java.util.UUID;

/**
 * "Sign out everywhere": every session of the person ends, the one asking included, and the security stream records
 * it. One rule for both places a person can ask: {@code POST /v1/me/sessions/revoke-all} and the account page.
 */
public final class SignOutEverywhere {

    private final Sessions sessions;
    private final SecurityEvents events;

    public SignOutEverywhere(Sessions sessions, SecurityEvents events) {
        this.sessions = sessions;
        this.events = events;
    }

    /** Ends every session of the person; answers how many ended. */
    public int of(UUID user) {
        int ended = sessions.revokeAll(user);
        events.record(new SecurityEvent(SecurityEventKind.SESSIONS_ENDED, null, null, null, "user:" + user,
                ended + " ended: signed out everywhere"));
        return ended;
    }
}
