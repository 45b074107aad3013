package io.billingnow.platform.protection.monitoring;

import io.billingnow.platform.protection.ratelimit.RouteClass;
import java.util.Optional;

/**
 * What {@link RequestGuardFilter} learned about the request this thread is serving: its route class, the client
 * address (already corrected for trusted proxies), the subject its credential is named by, whether an untrusted peer
 * sent forwarding headers (a proxy nobody configured as trusted), and the lockout of its address when one is in force
 * but the request carries a credential that authentication will check. Code deeper down that raises a security
 * event (sign-in, webhooks, plugins) takes the address from here rather than having it passed through every layer.
 */
public record GuardedRequest(RouteClass routeClass, String address, String subject, boolean viaUntrustedProxy,
                             Lockouts.Lockout addressLockout) {

    private static final ThreadLocal<GuardedRequest> CURRENT = new ThreadLocal<>();

    /** The request being served on this thread, if it passed the guard. */
    public static Optional<GuardedRequest> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    static void begin(GuardedRequest request) {
        CURRENT.set(request);
    }

    static void end() {
        CURRENT.remove();
    }
}
