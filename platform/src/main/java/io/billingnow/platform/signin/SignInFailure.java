package io.billingnow.platform.signin;

import io.billingnow.platform.http.ApiException;

/** Why a callback did not sign anyone in. The client learns only that it failed; the log learns why. */
final class SignInFailure {

    private SignInFailure() {
    }

    static ApiException noPendingSignIn() {
        return new ApiException(400, "no-pending-sign-in", "Sign-in not started here",
                "This sign-in was not started from this browser, has expired, or was already completed");
    }

    static ApiException rejected() {
        return new ApiException(401, "sign-in-failed", "Sign-in failed",
                "The identity provider's answer could not be verified; please sign in again");
    }
}
