package io.billingnow.platform.providers.plugins;

import io.billingnow.platform.core.errors.Unprocessable;


/**
 * A plugin call failed because the egress policy refused where the provider account points (its API base URL, say):
 * 422 {@code egress-refused}, a problem of the account's configuration that its owner can fix.
 */
public final class EgressRefusedProblem extends Unprocessable {

    private static final long serialVersionUID = 1L;

    /** The reason (which host, which rule) is logged, not shown: a payer opening a checkout may be the one asking. */
    EgressRefusedProblem(String providerId) {
        super("egress-refused", "Destination not allowed",
                "The " + providerId + " provider account points to a destination the platform does not call; its "
                        + "owner must correct the account (the policy is in docs/security.md, \"Egress policy\")");
    }
}
