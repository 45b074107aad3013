package io.billingnow.platform.identity.auth;

import io.billingnow.platform.core.errors.DomainException;
import java.util.Optional;

/**
 * How the access checks refuse a request, so that what they know reaches the security-event stream and the lockout
 * rules: a credential that is valid for nothing is an authentication failure; a valid credential that may not do
 * something is a permission denial, never an authentication failure; and while the client's address is locked out,
 * only a verified credential gets through.
 */
public interface AccessRefusals {

    /** Without monitoring (tests of the access rules alone): plain 401 and 403. */
    AccessRefusals NONE = new AccessRefusals() {
        @Override
        public RuntimeException unauthenticated(boolean credentialInvalid) {
            return DomainException.unauthorized();
        }

        @Override
        public Optional<RuntimeException> addressLockedOut() {
            return Optional.empty();
        }

        @Override
        public DomainException denied(Caller caller, DomainException refusal) {
            return refusal;
        }
    };

    /**
     * No credential the endpoint accepts authenticated the request. {@code credentialInvalid}: the request carried a
     * bearer token or session cookie that is not a valid credential of any kind (a valid one of the wrong kind, such
     * as an API key on a session-only route, is not a failure). Returns what to throw: 401, or 429 while the client's
     * address is locked out.
     */
    RuntimeException unauthenticated(boolean credentialInvalid);

    /** The 429 to answer when the client's address is locked out and nothing verified the request. */
    Optional<RuntimeException> addressLockedOut();

    /** {@code caller} (null when not known yet) is not allowed this; records it and returns {@code refusal}. */
    DomainException denied(Caller caller, DomainException refusal);
}
