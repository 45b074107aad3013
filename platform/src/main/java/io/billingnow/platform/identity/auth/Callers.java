package io.billingnow.platform.identity.auth;

import jakarta.ws.rs.core.SecurityContext;

/** Reads the caller that {@link AccessControlFeature} established for this request. */
public final class Callers {

    private Callers() {
    }

    public static TenantCaller tenant(SecurityContext context) {
        return (TenantCaller) context.getUserPrincipal();
    }

    public static OperatorCaller operator(SecurityContext context) {
        return (OperatorCaller) context.getUserPrincipal();
    }
}
