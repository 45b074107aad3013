package io.billingnow.platform.identity.signin;

import io.billingnow.platform.core.errors.DomainException;
import io.billingnow.platform.core.errors.InvalidInput;
import io.billingnow.platform.core.errors.Unauthenticated;


/** Why a callback did not sign anyone in. The client learns only that it failed; the log learns why. */
final class SignInFailure {

    private SignInFailure() {
    }

    static DomainException noPendingSignIn() {
        return new InvalidInput("no-pending-sign-in", "Sign-in not started here",
                "This sign-in was not started from this browser, has expired, or was already completed");
    }

    static DomainException rejected() {
        return new Unauthenticated("sign-in-failed", "Sign-in failed",
                "The identity provider's answer could not be verified; please sign in again");
    }
}
