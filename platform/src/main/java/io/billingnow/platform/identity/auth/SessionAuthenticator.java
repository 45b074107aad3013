package io.billingnow.platform.identity.auth;

import io.billingnow.platform.core.errors.DomainException;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.Optional;

/**
 * Authenticates a request by its session cookie, the browser's credential (the bearer token is the API's). Each
 * method answers empty when the request carries no valid session, and throws an {@code DomainException} when it does
 * but may not proceed (a state change without a valid CSRF token, a tenant the person does not belong to).
 */
public interface SessionAuthenticator {

    /** For a platform without sign-in: no request ever has a session. */
    SessionAuthenticator NONE = new SessionAuthenticator() {
        @Override
        public Optional<TenantCaller> tenantCaller(ContainerRequestContext request) {
            return Optional.empty();
        }

        @Override
        public Optional<OperatorCaller> operatorCaller(ContainerRequestContext request) {
            return Optional.empty();
        }

        @Override
        public Optional<SignedInUser> signedInUser(ContainerRequestContext request) {
            return Optional.empty();
        }
    };

    /** A member acting in the tenant named by the {@code BillingNow-Tenant} header, with their role there. */
    Optional<TenantCaller> tenantCaller(ContainerRequestContext request);

    /** An allow-listed operator signed in to the admin console. */
    Optional<OperatorCaller> operatorCaller(ContainerRequestContext request);

    /** A signed-in person, whatever tenant (for endpoints about the person: their sessions, their invitations). */
    Optional<SignedInUser> signedInUser(ContainerRequestContext request);

    /** Whether the request carries a session cookie at all, valid or not. */
    default boolean carriesSession(ContainerRequestContext request) {
        return false;
    }

    /** Whether the request's session cookie names a live session of any kind (no CSRF check: nothing is done). */
    default boolean carriesLiveSession(ContainerRequestContext request) {
        return false;
    }
}
