package io.billingnow.platform.identity.auth;

import java.security.Principal;

/** Who is calling: a tenant credential or a platform operator. */
public sealed interface Caller extends Principal permits TenantCaller, OperatorCaller, SystemCaller {

    /**
     * Request property holding the identified caller as soon as its credential is accepted, before its permission is
     * checked, so that a refusal can still be attributed (security monitoring, the {@code tenant} log field).
     */
    String REQUEST_PROPERTY = "io.billingnow.caller";

    /** How the audit log names this caller, e.g. {@code api_key:9a1f…}; never a secret. */
    String actorType();

    String actorId();

    @Override
    default String getName() {
        return actorType() + ":" + actorId();
    }
}
