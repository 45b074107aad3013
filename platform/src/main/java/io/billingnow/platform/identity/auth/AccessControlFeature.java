package io.billingnow.platform.identity.auth;

import io.billingnow.platform.core.errors.DomainException;
import io.billingnow.platform.core.errors.NotPermitted;
import io.billingnow.platform.core.TenantStatus;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import java.lang.reflect.Method;
import java.security.Principal;
import java.util.Optional;
import java.util.Set;

/**
 * Puts an access check in front of every resource method according to its declaration: {@link RequiresPermission}
 * for tenant endpoints, {@link RequiresOperator} for the admin console, {@link PublicEndpoint} for the few open ones.
 * A method with no declaration is refused outright, so forgetting one cannot open an endpoint. A bearer token (API key,
 * operator token) is checked first; without one, a browser's session cookie is accepted through the
 * {@link SessionAuthenticator}, which also enforces CSRF protection for cookie-authenticated state changes.
 */
public final class AccessControlFeature implements DynamicFeature {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final Authenticator authenticator;
    private final SessionAuthenticator sessions;
    private final AccessRefusals refusals;

    public AccessControlFeature(Authenticator authenticator) {
        this(authenticator, SessionAuthenticator.NONE);
    }

    public AccessControlFeature(Authenticator authenticator, SessionAuthenticator sessions) {
        this(authenticator, sessions, AccessRefusals.NONE);
    }

    public AccessControlFeature(Authenticator authenticator, SessionAuthenticator sessions, AccessRefusals refusals) {
        this.authenticator = authenticator;
        this.sessions = sessions;
        this.refusals = refusals;
    }

    @Override
    public void configure(ResourceInfo resourceInfo, FeatureContext context) {
        Method method = resourceInfo.getResourceMethod();
        RequiresPermission permission = method.getAnnotation(RequiresPermission.class);
        RequiresOperator operator = method.getAnnotation(RequiresOperator.class);
        Refusing refusing = new Refusing(authenticator, sessions, refusals);
        if (method.isAnnotationPresent(PublicEndpoint.class)) {
            context.register(new PublicFilter(refusals));
        } else if (permission != null) {
            context.register(new TenantFilter(authenticator, sessions, refusing, permission.value()));
        } else if (operator != null) {
            context.register(new OperatorFilter(authenticator, sessions, refusing, operator.readOnly()));
        } else if (method.isAnnotationPresent(RequiresSignIn.class)) {
            context.register(new SignedInFilter(sessions, refusing));
        } else {
            context.register(new DenyFilter(refusals));
        }
    }

    /**
     * Builds the refusal of a request that did not authenticate: whether what it presented is a valid credential of
     * any kind is looked up only here, on the failure path, so a valid credential on the wrong route (an API key on a
     * session-only route) is not counted as a failed guess.
     */
    record Refusing(Authenticator authenticator, SessionAuthenticator sessions, AccessRefusals refusals) {

        RuntimeException unauthenticated(ContainerRequestContext request) {
            Optional<String> bearer = bearer(request);
            boolean invalid;
            if (bearer.isPresent()) {
                invalid = authenticator.tenantCaller(bearer.get()).isEmpty()
                        && authenticator.operatorCaller(bearer.get()).isEmpty();
            } else {
                invalid = sessions.carriesSession(request) && !sessions.carriesLiveSession(request);
            }
            return refusals.unauthenticated(invalid);
        }

        DomainException denied(Caller caller, DomainException refusal) {
            return refusals.denied(caller, refusal);
        }
    }

    static Optional<String> bearer(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return Optional.of(header.substring(7).trim());
    }

    static void setCaller(ContainerRequestContext request, Caller caller) {
        SecurityContext original = request.getSecurityContext();
        request.setSecurityContext(new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return caller;
            }

            @Override
            public boolean isUserInRole(String role) {
                return false;
            }

            @Override
            public boolean isSecure() {
                return original.isSecure();
            }

            @Override
            public String getAuthenticationScheme() {
                return "Bearer";
            }
        });
    }

    @Priority(Priorities.AUTHENTICATION)
    static final class TenantFilter implements ContainerRequestFilter {
        private final Authenticator authenticator;
        private final SessionAuthenticator sessions;
        private final Refusing refusing;
        private final Permission permission;

        TenantFilter(Authenticator authenticator, SessionAuthenticator sessions, Refusing refusing,
                     Permission permission) {
            this.authenticator = authenticator;
            this.sessions = sessions;
            this.refusing = refusing;
            this.permission = permission;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            Optional<String> bearer = bearer(request);
            TenantCaller caller = (bearer.isPresent() ? bearer.flatMap(authenticator::tenantCaller)
                    : sessions.tenantCaller(request)).orElseThrow(() -> refusing.unauthenticated(request));
            request.setProperty(Caller.REQUEST_PROPERTY, caller);
            if (!caller.role().allows(permission)) {
                throw refusing.denied(caller,
                        DomainException.forbidden("The " + caller.role().wireName() + " role does not allow this"));
            }
            if (caller.tenantStatus() == TenantStatus.SUSPENDED && !SAFE_METHODS.contains(request.getMethod())) {
                throw refusing.denied(caller, new NotPermitted("tenant-suspended", "Tenant suspended",
                        "This tenant is suspended: its data can be read but not changed"));
            }
            setCaller(request, caller);
        }
    }

    @Priority(Priorities.AUTHENTICATION)
    static final class OperatorFilter implements ContainerRequestFilter {
        private final Authenticator authenticator;
        private final SessionAuthenticator sessions;
        private final Refusing refusing;
        private final boolean readOnlyEndpoint;

        OperatorFilter(Authenticator authenticator, SessionAuthenticator sessions, Refusing refusing,
                       boolean readOnlyEndpoint) {
            this.authenticator = authenticator;
            this.sessions = sessions;
            this.refusing = refusing;
            this.readOnlyEndpoint = readOnlyEndpoint;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            Optional<String> bearer = bearer(request);
            OperatorCaller caller = (bearer.isPresent() ? bearer.flatMap(authenticator::operatorCaller)
                    : sessions.operatorCaller(request)).orElseThrow(() -> refusing.unauthenticated(request));
            request.setProperty(Caller.REQUEST_PROPERTY, caller);
            if (caller.readOnly() && !readOnlyEndpoint) {
                throw refusing.denied(caller, DomainException.forbidden("Auditors may only read"));
            }
            setCaller(request, caller);
        }
    }

    @Priority(Priorities.AUTHENTICATION)
    static final class SignedInFilter implements ContainerRequestFilter {
        private final SessionAuthenticator sessions;
        private final Refusing refusing;

        SignedInFilter(SessionAuthenticator sessions, Refusing refusing) {
            this.sessions = sessions;
            this.refusing = refusing;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            SignedInUser user = sessions.signedInUser(request)
                    .orElseThrow(() -> refusing.unauthenticated(request));
            request.setProperty(SignedInUser.PROPERTY, user);
        }
    }

    @Priority(Priorities.AUTHENTICATION)
    static final class DenyFilter implements ContainerRequestFilter {
        private final AccessRefusals refusals;

        DenyFilter(AccessRefusals refusals) {
            this.refusals = refusals;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            throw refusals.denied(null, DomainException.forbidden("This endpoint declares no access rule"));
        }
    }

    /** Open endpoints need no credential, so a request from a locked-out address has nothing verified to pass on. */
    @Priority(Priorities.AUTHENTICATION)
    static final class PublicFilter implements ContainerRequestFilter {
        private final AccessRefusals refusals;

        PublicFilter(AccessRefusals refusals) {
            this.refusals = refusals;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            refusals.addressLockedOut().ifPresent(refusal -> {
                throw refusal;
            });
        }
    }
}
