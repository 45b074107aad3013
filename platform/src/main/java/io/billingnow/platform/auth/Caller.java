package io.billingnow.platform.auth;

import java.security.Principal;

/** Who is calling: a tenant credential or a platform operator. */
public sealed interface Caller extends Principal permits TenantCaller, OperatorCaller, SystemCaller {

    /** How the audit log names this caller, e.g. {@code api_key:9a1f…}; never a secret. */
    String actorType();

    String actorId();

    @Override
    default String getName() {
        return actorType() + ":" + actorId();
    }
}
