package io.billingnow.platform.protection.egress;

import java.io.IOException;

/**
 * The egress policy refused a destination. An {@link IOException}, so a plugin sees it as "no response was received"
 * (the SDK's contract for refused destinations); the message names the rule, never a credential.
 */
public final class EgressRefusedException extends IOException {

    private static final long serialVersionUID = 1L;

    public EgressRefusedException(String reason) {
        super(reason);
    }
}
